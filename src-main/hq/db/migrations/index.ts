/** Headquarters' migrations, in order. A new one takes the next number and is never changed once released. */
import * as m0001 from './0001_filings';
import * as m0002 from './0002_province_reports';
import * as m0003 from './0003_report_counts';

export interface HqMigration {
  version: number;
  name: string;
  sql: string;
}

export const HQ_MIGRATIONS: readonly HqMigration[] = [
  { version: 1, ...m0001 },
  { version: 2, ...m0002 },
  { version: 3, ...m0003 },
];
