/**
 * `npm run hq -- <command>`: headquarters' PostgreSQL side.
 *
 *   migrate                                   bring the schema to this program's version
 *   branch add --id ID --name NAME --key FILE [--city C] [--token T]
 *   branch list
 *   report --month YYYY-MM --out FILE.xlsx     the province report as a workbook
 *   serve [--port P] [--host H]                the receiver, filing into PostgreSQL
 *
 * The database is `--database URL` or $HQ_DATABASE_URL. `--json` prints one
 * JSON document on stdout; messages go to stderr. Exit 0 done, 1 failed, 2 usage.
 */
import { parseArgs } from 'node:util';
import type { Locale } from '../../core/messages';
import { DATABASE_URL_VARIABLE, openHqPool, type HqPool } from '../db/pool';
import { HqError } from '../services/errors';
import { HQ_COMMANDS, type HqCommand } from './commands';
import { HqUsageError, type HqCommandEnv, type HqIO } from './command';


function usage(): string {
  return ['Usage: npm run hq -- <command> [options] [--database URL] [--json]', '', ...HQ_COMMANDS.map((c) => `  ${c.usage.padEnd(62)} ${c.summary}`), '', `The database: --database URL or $${DATABASE_URL_VARIABLE} (postgresql://user:password@host:5432/db).`].join('\n');
}

const localeOf = (env: NodeJS.ProcessEnv): Locale => (/^zh/i.test(env.COMPLAINT_DESK_LANG ?? env.LC_ALL ?? env.LANG ?? '') ? 'zh-CN' : 'en');

export async function runHqCli(argv: string[], io: HqIO): Promise<number> {
  const locale = localeOf(io.env);
  const json = argv.includes('--json');
  const fail = (exit: 1 | 2, code: string, message: string) => {
    io.stderr(message + '\n');
    if (json) io.stdout(JSON.stringify({ error: { code, message } }) + '\n');
    return exit;
  };
  const words = argv.filter((a) => !a.startsWith('-'));
  const command: HqCommand | undefined = HQ_COMMANDS.find((c) => c.name.every((w, i) => words[i] === w));
  if (!command) {
    if (argv.length === 0 || argv.includes('--help')) {
      io.stderr(usage() + '\n');
      return argv.length === 0 ? 2 : 0;
    }
    return fail(2, 'usage', `Unknown command "${words.join(' ')}".\n${usage()}`);
  }
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...command.options, database: { type: 'string' }, json: { type: 'boolean' } }, allowPositionals: true, strict: true });
  } catch (e) {
    return fail(2, 'usage', `${(e as Error).message}. Usage: npm run hq -- ${command.usage}`);
  }
  if (parsed.positionals.length !== command.name.length) return fail(2, 'usage', `Unexpected arguments. Usage: npm run hq -- ${command.usage}`);
  let pool: HqPool | null = null;
  const url = (parsed.values.database as string | undefined) ?? io.env[DATABASE_URL_VARIABLE];
  const env: HqCommandEnv = {
    io,
    locale,
    json,
    values: parsed.values as Record<string, string | boolean | undefined>,
    positionals: parsed.positionals,
    pool: () => {
      if (!url) throw new HqUsageError(`No database: set ${DATABASE_URL_VARIABLE} (postgresql://user:password@host:5432/db) or pass --database URL.`);
      return (pool ??= openHqPool(url));
    },
    print: (value, text) => io.stdout((json ? JSON.stringify(value) : text) + '\n'),
  };
  try {
    return await command.run(env);
  } catch (e) {
    if (e instanceof HqUsageError) return fail(2, 'usage', e.message);
    if (e instanceof HqError) return fail(1, e.code, e.messageIn(locale));
    const err = e as Error & { code?: string };
    return fail(1, err.code && /^[a-z_]+$/.test(err.code) ? err.code : 'failed', err.message);
  } finally {
    // `serve` returns only once its server has stopped.
    if (pool) await (pool as HqPool).end();
  }
}

