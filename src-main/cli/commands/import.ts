import path from 'node:path';
import { intOption, UsageError, type Command } from '../command';
import { withContext } from '../open-context';
import { importFile } from '../../services/import/run';
import type { ImportReport } from '../../core/import/types';

/** How many problems the plain-text output lists; --json and --rejects carry all of them. */
const SHOWN = 50;

export const importCommand: Command = {
  name: 'import',
  positionals: 1,
  summary: 'import a CRM export (CSV, XLSX or XLS); exit 1 when the file cannot be read at all',
  usage: 'import FILE [--dry-run] [--sheet NAME|N] [--rejects OUT.csv] [--user USERNAME] [--max-mb N]',
  options: {
    'max-mb': { type: 'string' },
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
      const maxMb = intOption(env, 'max-mb');
      if (maxMb !== undefined && maxMb < 1) throw new UsageError('--max-mb must be a whole number of megabytes, 1 or more');
      const r = await importFile(ctx, actor, path.resolve(file), {
        dryRun: env.values['dry-run'] === true,
        sheet: env.values.sheet as string | undefined,
        locale: env.locale,
        rejectsPath: env.values.rejects ? path.resolve(env.values.rejects as string) : null,
        ...(maxMb !== undefined ? { maxBytes: maxMb * 1024 * 1024 } : {}),
      });
      if (r.rejectsFile) env.say(`rejected rows written to ${r.rejectsFile}`);
      if (r.rejectsError) env.say(`the tickets above were written, but the rejects file could not be: ${r.rejectsError}`);
      if (r.rejectedOmitted) env.say(`${r.rejectedRows} rows refused; the first ${r.rejected.length} problems are listed, every one is in --rejects OUT.csv`);
      // docs/REQUIREMENTS.md §9's shape; rejectedOmitted only when the list had to stop.
      return {
        inserted: r.inserted,
        updated: r.updated,
        unchanged: r.unchanged,
        rejected: r.rejected,
        ...(r.rejectedOmitted ? { rejectedOmitted: r.rejectedOmitted } : {}),
      };
    });
  },
  human: (r: ImportReport) => {
    const total = r.rejected.length + (r.rejectedOmitted ?? 0);
    const lines = [`inserted ${r.inserted}, updated ${r.updated}, unchanged ${r.unchanged}, rejected ${total} problem(s)`];
    for (const x of r.rejected.slice(0, SHOWN)) lines.push(`  line ${x.line}\t${x.column || '-'}\t${x.value}\t${x.reason}`);
    if (total > SHOWN) lines.push(`  … ${total - SHOWN} more (use --rejects OUT.csv)`);
    return lines.join('\n');
  },
};
