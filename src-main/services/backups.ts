/**
 * Daily automatic backups (SPEC §7): one online backup per local day, the
 * newest `keep` (*default* 14) kept. Called at start and then periodically by
 * whichever host is running; a day that already has its backup is left alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { backupTo, rotateBackups } from '../db/backup';
import { localDayKey } from '../core/time';
import type { ServiceContext } from './context';
import { branchSettings } from './settings';

export const DEFAULT_BACKUPS_KEPT = 14;
const PREFIX = 'daily-';

export async function ensureDailyBackup(
  ctx: ServiceContext,
  dir: string,
  keep = DEFAULT_BACKUPS_KEPT,
): Promise<{ path: string; created: boolean }> {
  const file = path.join(dir, `${PREFIX}${localDayKey(ctx.now(), branchSettings(ctx).zone)}.db`);
  if (fs.existsSync(file)) return { path: file, created: false };
  await backupTo(ctx.db, file);
  rotateBackups(dir, PREFIX, keep);
  ctx.settings.set('backup.last', { path: file, at: ctx.now() }, ctx.now(), null);
  return { path: file, created: true };
}

export function lastBackup(ctx: ServiceContext): { path: string; at: number } | null {
  return ctx.settings.get<{ path: string; at: number }>('backup.last') ?? null;
}
