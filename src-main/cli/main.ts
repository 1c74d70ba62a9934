/**
 * complaint-desk: the console's services for IT staff, scheduled jobs and tests.
 * `--json` prints exactly one JSON document on stdout; every message goes to
 * stderr. Exit codes: 0 success, 1 failed or rejected input, 2 usage error.
 */
import fs from 'node:fs';
import path from 'node:path';
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

/** What a failed command prints: one line on stderr and, with --json, one JSON document on stdout. */
function fail(io: CliIO, json: boolean, exit: 1 | 2, code: string, message: string): number {
  const line = message.replace(/\s*\n\s*/g, ' ').trim();
  io.stderr(line + '\n');
  if (json) io.stdout(JSON.stringify({ error: { code, message: line } }) + '\n');
  return exit;
}

/**
 * A mistyped --db must not leave folders and an empty database behind: every
 * command but `init` needs the folder of the database it was given to exist
 * (a missing file in an existing folder is still created). The app's own
 * default folder is ours to create.
 */
function missingFolder(commandName: string, dbPath: string, explicit: boolean): string | null {
  if (commandName === 'init' || !explicit) return null;
  const folder = path.dirname(dbPath);
  try {
    if (fs.statSync(folder).isDirectory()) return null;
  } catch {
    // Missing or unreadable: the same answer.
  }
  return folder;
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const locale = systemLocale(io.env);
  const [name, ...rest] = argv;
  const wantsJson = rest.includes('--json');
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.stdout : io.stderr)(usage() + '\n');
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) return fail(io, wantsJson, 2, 'usage', `Unknown command "${name}". Run complaint-desk --help for the list.`);
  const usageLine = (message: string) => `${message.replace(/\.$/, '')}. Usage: complaint-desk ${command.usage}`;
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...command.options, db: { type: 'string' }, json: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    return fail(io, wantsJson, 2, 'usage', usageLine((e as Error).message));
  }
  const json = parsed.values.json === true;
  const extra = parsed.positionals.slice(command.positionals ?? 0);
  if (extra.length > 0) return fail(io, json, 2, 'usage', usageLine(`Unexpected argument "${extra[0]}"`));
  const dbFlag = parsed.values.db as string | undefined;
  const dbPath = resolveDbPath(dbFlag, io.env);
  const folder = missingFolder(command.name, dbPath, dbFlag !== undefined || io.env.COMPLAINT_DESK_DB !== undefined);
  if (folder !== null) {
    const message =
      locale === 'zh-CN'
        ? `数据库所在的文件夹不存在：${folder}（新建数据库请用 complaint-desk init --db ${dbPath}）`
        : `The database folder does not exist: ${folder} (to create a new database, run complaint-desk init --db ${dbPath})`;
    return fail(io, json, 1, 'db_folder_missing', message);
  }
  const env: CommandEnv = {
    dbPath,
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
    if (e instanceof UsageError) return fail(io, json, 2, 'usage', usageLine(e.message));
    if (e instanceof DomainError) return fail(io, json, 1, e.code, messageFor(e, locale));
    const code = (e as { code?: unknown }).code;
    return fail(io, json, 1, typeof code === 'string' ? code : 'failed', e instanceof Error ? e.message : String(e));
  }
}
