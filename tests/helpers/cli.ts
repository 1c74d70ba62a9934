/**
 * Runs `complaint-desk` in-process the way the CLI tests do: the output
 * captured, the language and clock pinned. Each test file binds its own
 * database and instant in a one-line `cli` around this.
 */
import { runCli } from '../../src-main/cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as the one JSON document `--json` prints. */
  json(): unknown;
}

export async function runCaptured(args: string[], opts: { now: () => number; lang?: string; env?: NodeJS.ProcessEnv }): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const env = opts.env ?? { LANG: opts.lang ?? 'en_US.UTF-8' };
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env, now: opts.now });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) as unknown };
}
