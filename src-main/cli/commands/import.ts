import path from 'node:path';
import { UsageError, type Command } from '../command';
import { withContext } from '../open-context';
import { importFile } from '../../services/import/run';
import type { ImportReport } from '../../core/import/types';

/** How many problems the plain-text output lists; --json and --rejects carry all of them. */
const SHOWN = 50;

export const importCommand: Command = {
  name: 'import',
  summary: 'import a CRM export (CSV, XLSX or XLS); exit 1 when the file cannot be read at all',
  usage: 'import FILE [--dry-run] [--sheet NAME|N] [--rejects OUT.csv] [--user USERNAME]',
  options: {
    'dry-run': { type: 'boolean' },
    sheet: { type: 'string' },
    rejects: { type: 'string' },
    user: { type: 'string' },
  },
  run: (env) => {
    const [file, ...extra] = env.positionals;
    if (!file || extra.length > 0) throw new UsageError('import needs exactly one FILE');
    return withContext(env, async (ctx): Promise<ImportReport> => {
      // Scheduled jobs run as nobody in particular; --user records who the import is for.
      const username = env.values.user as string | undefined;
      const actor = username ? ctx.read.users.credentials(username)?.user : null;
      if (actor === undefined) throw new UsageError(`--user: no user named "${username}"`);
      const r = await importFile(ctx, actor, path.resolve(file), {
        dryRun: env.values['dry-run'] === true,
        sheet: env.values.sheet as string | undefined,
        locale: env.locale,
        rejectsPath: env.values.rejects ? path.resolve(env.values.rejects as string) : null,
      });
      if (r.rejectsFile) env.say(`rejected rows written to ${r.rejectsFile}`);
      // Exactly docs/REQUIREMENTS.md §9's shape: nothing more, nothing less.
      return { inserted: r.inserted, updated: r.updated, unchanged: r.unchanged, rejected: r.rejected };
    });
  },
  human: (r: ImportReport) => {
    const lines = [`inserted ${r.inserted}, updated ${r.updated}, unchanged ${r.unchanged}, rejected ${r.rejected.length} problem(s)`];
    for (const x of r.rejected.slice(0, SHOWN)) lines.push(`  line ${x.line}\t${x.column || '-'}\t${x.value}\t${x.reason}`);
    if (r.rejected.length > SHOWN) lines.push(`  … ${r.rejected.length - SHOWN} more (use --json or --rejects OUT.csv)`);
    return lines.join('\n');
  },
};
