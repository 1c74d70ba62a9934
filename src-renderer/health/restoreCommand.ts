import type { Health } from '../api/types';

/** The command that restores the console's database from a backup (the CLI checks the backup before it replaces anything). */
export function restoreCommand(h: Health): string {
  return `complaint-desk restore "${h.restoreFrom ?? `${h.backupDir}/daily-YYYY-MM-DD.db`}" --db "${h.file}"`;
}
