import path from 'node:path';
import fs from 'node:fs';
import type { Command } from '../command';
import { UsageError } from '../command';
import { withContext } from '../open-context';
import { backupTo, restoreFrom } from '../../db/backup';
import { backupDirFor } from '../../api/data-dir';
import { integrityProblems } from '../../db/open';
import { schemaVersion } from '../../db/migrate';
import { LATEST_VERSION } from '../../db/migrations';
import { localStamp } from '../../core/time';
import { branchSettings } from '../../services/settings';

export const backup: Command = {
  name: 'backup',
  summary: 'online backup of the database',
  usage: 'backup [--out FILE]',
  options: { out: { type: 'string' } },
  run: (env) =>
    withContext(env, async (ctx) => {
      const stamp = localStamp(env.now(), branchSettings(ctx).zone);
      const out = (env.values.out as string | undefined) ?? path.join(backupDirFor(env.dbPath), `manual-${stamp}.db`);
      return { path: await backupTo(ctx.db, out) };
    }),
  human: (r: { path: string }) => `backup written to ${r.path}`,
};

export const restore: Command = {
  name: 'restore',
  positionals: 1,
  summary: 'replace the database with a checked backup',
  usage: 'restore FILE',
  options: {},
  run: async (env) => {
    const file = env.positionals[0];
    if (!file) throw new UsageError('restore needs the backup FILE');
    // Keep what is being replaced: a restore is never a one-way door.
    if (fs.existsSync(env.dbPath)) {
      await withContext(env, (ctx) => backupTo(ctx.db, path.join(backupDirFor(env.dbPath), `before-restore-${localStamp(env.now())}.db`)));
    }
    await restoreFrom(path.resolve(file), env.dbPath);
    return { restored: path.resolve(file) };
  },
  human: (r: { restored: string }, env) => `restored ${r.restored} into ${env.dbPath}`,
};

export const check: Command = {
  name: 'check',
  summary: 'integrity check of the database',
  usage: 'check',
  options: {},
  run: (env) =>
    withContext(
      env,
      (ctx) => {
        const problems = integrityProblems(ctx.db);
        const fk = ctx.db.pragma('foreign_key_check') as Array<{ table: string; rowid: number; parent: string }>;
        for (const f of fk.slice(0, 20)) problems.push(`foreign key: ${f.table} row ${f.rowid} → ${f.parent}`);
        const v = schemaVersion(ctx.db);
        if (v !== LATEST_VERSION) problems.push(`schema version ${v}, expected ${LATEST_VERSION}`);
        return { ok: problems.length === 0, problems };
      },
      { integrity: 'skip' },
    ),
  human: (r: { ok: boolean; problems: string[] }) => (r.ok ? 'ok' : r.problems.join('\n')),
};
