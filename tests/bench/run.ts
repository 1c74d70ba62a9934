/** `npm run bench`: every benchmark under tests/bench, one after another, each printing its figures. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dir = path.dirname(new URL(import.meta.url).pathname);
for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort()) {
  console.log(`\n=== ${f}`);
  execFileSync('npx', ['tsx', path.join(dir, f), ...process.argv.slice(2)], { stdio: 'inherit' });
}
