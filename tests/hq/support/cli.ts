/** Runs `npm run hq -- …` in-process against a test database, capturing what it prints. */
import { runHqCli } from '../../../src-main/hq/cli/main';
import { PINNED_NOW } from '../../helpers/temp-db';

export async function hq(url: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string; json: () => unknown }> {
  let stdout = '';
  let stderr = '';
  const code = await runHqCli([...argv, '--database', url], {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    env: { LANG: 'en_US.UTF-8' },
    now: () => PINNED_NOW,
  });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) as unknown };
}
