/**
 * complaint-desk: the console's services for IT staff, scheduled jobs and tests.
 * `--json` prints exactly one JSON document on stdout; every message goes to
 * stderr. Exit codes: 0 success, 1 failed or rejected input, 2 usage error.
 */
import { parseArgs } from 'node:util';
import { DomainError } from '../core/errors';
import { messageFor, type Locale } from '../core/messages';
import { resolveDbPath } from '../api/data-dir';
import { COMMANDS } from './commands';
import { UsageError, type CommandEnv } from './command';

function systemLocale(env: NodeJS.ProcessEnv): Locale {
  const lang = env.COMPLAINT_DESK_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '';
  return /^zh/i.test(lang) ? 'zh-CN' : 'en';
}

function usage(): string {
  const lines = COMMANDS.map((c) => `  ${c.usage.padEnd(48)} ${c.summary}`);
  return [
    'Usage: complaint-desk <command> [options] [--db PATH] [--json]',
    '',
    ...lines,
    '',
    'Every command takes --db PATH (default: the desktop app\'s database, or $COMPLAINT_DESK_DB) and --json.',
  ].join('\n');
}

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: NodeJS.ProcessEnv;
  now: () => number;
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const locale = systemLocale(io.env);
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.stdout : io.stderr)(usage() + '\n');
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`Unknown command "${name}".\n\n${usage()}\n`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...command.options, db: { type: 'string' }, json: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    io.stderr(`${(e as Error).message}\nUsage: complaint-desk ${command.usage}\n`);
    return 2;
  }
  const json = parsed.values.json === true;
  const env: CommandEnv = {
    dbPath: resolveDbPath(parsed.values.db as string | undefined, io.env),
    json,
    locale,
    values: parsed.values as Record<string, string | boolean | undefined>,
    positionals: parsed.positionals,
    say: (line) => io.stderr(line + '\n'),
    now: io.now,
  };
  try {
    const result = await command.run(env);
    if (result === undefined) return 0;
    if (json) io.stdout(JSON.stringify(result) + '\n');
    else io.stdout((command.human ? command.human(result as never, env) : JSON.stringify(result, null, 2)) + '\n');
    // `check` and `verify` report a failed check as data and as exit code 1.
    const failed = typeof result === 'object' && result !== null && 'ok' in result && (result as { ok: unknown }).ok === false;
    return failed ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${e.message}\nUsage: complaint-desk ${command.usage}\n`);
      return 2;
    }
    if (e instanceof DomainError) {
      io.stderr(messageFor(e, locale) + '\n');
      return 1;
    }
    io.stderr(`${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
