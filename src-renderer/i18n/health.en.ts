/** The database's soundness (banner and settings section), in English. */
import type { healthZhCN } from './health.zh-CN';

type Shape<T> = { readonly [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const healthEn: Shape<typeof healthZhCN> = {
  health: {
    title: 'Data safety',
    intro: 'After start the database file gets a quick check in the background; each daily backup gets a full check. Neither gets in the way of work.',
    database: 'Database file',
    backup: 'Latest daily backup',
    notYet: 'Not checked yet (runs in the background a few seconds after start)',
    noBackup: 'No daily backup yet',
    passed: '{{kind}} passed ({{at}}, {{seconds}} s)',
    failed: '{{kind}} FAILED ({{at}}): {{problems}}',
    checking: 'Written; the full check is running…',
    kind: { quick: 'Quick check', full: 'Full check' },
    backupDir: 'Backup folder',
    restoreFrom: 'Newest backup fit to restore',
    none: 'none',
    howToRestore: 'To restore: close the console and run',
    bannerDatabase: 'The database file is damaged: {{problems}}. Tell an administrator to restore it soon; until then some tickets may not open.',
    bannerBackup: "Today's daily backup failed its full check: {{problems}}. The database itself may be damaged; tell an administrator.",
    bannerRestore: 'To restore: close the console, then run',
    bannerNoGoodBackup: 'The backup folder {{dir}} holds no backup that passed its check; call technical support.',
  },
};
