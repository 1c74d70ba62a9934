/**
 * `node bin/hq-receiver.mjs --root DIR [--port P] [--host H]`: the reference
 * receiver, filing into a folder (see server.ts and docs/UPLOAD-PROTOCOL.md).
 * Headquarters on PostgreSQL runs `npm run hq -- serve` instead (docs/HQ.md).
 */
import { parseArgs } from 'node:util';
import fs from 'node:fs';
import { Receiver } from './server';

const { values } = parseArgs({ options: { root: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } } });
if (!values.root || !fs.existsSync(values.root)) {
  process.stderr.write('Usage: hq-receiver --root DIR [--port P] [--host H]  (DIR holds branches.json)\n');
  process.exit(2);
}
const receiver = new Receiver({ root: values.root, log: (l) => process.stderr.write(l + '\n') });
const url = await receiver.listen(Number(values.port ?? 8470), values.host ?? '127.0.0.1');
process.stderr.write(`receiving bundles at ${url}\n`);
