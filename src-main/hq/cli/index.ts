/** Entry of `npm run hq` (bin/hq.mjs). */
import { runHqCli } from './main';

process.exitCode = await runHqCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
  now: Date.now,
});
