/**
 * Every migration, in order. A migration is never edited once released: a
 * change to the schema is a new file with the next number. Each imports
 * nothing outside this folder (lint keeps it so): its SQL and any data logic
 * are its own copies, so later changes to the application cannot change what
 * it does to an old database. See docs/ARCHITECTURE.md, "Migrations".
 */
import type Database from 'better-sqlite3';
import * as m0001 from './0001_init';
import * as m0002 from './0002_sla';
import * as m0003 from './0003_refunds';
import * as m0004 from './0004_report_outcomes';
import * as m0005 from './0005_refund_report_indexes';
import * as m0006 from './0006_untimed_clocks';
import * as m0007 from './0007_export_history';
import * as m0008 from './0008_outbox';
import * as m0009 from './0009_refund_voucher_once';
import * as m0010 from './0010_first_responder_name';
import * as m0011 from './0011_tickets_without_due';
import * as m0012 from './0012_knowledge';
import * as m0013 from './0013_today_counters';
import * as m0014 from './0014_list_filter_indexes';
import * as m0015 from './0015_ticket_count';
import * as m0016 from './0016_volume_warnings';
import * as m0017 from './0017_phone_search';
import * as m0018 from './0018_breach_causes';
import * as m0019 from './0019_dispatch_proposals';
import * as m0020 from './0020_qc_projects';
import * as m0021 from './0021_reference_lists';
import * as m0022 from './0022_backlog_indexes';
import * as m0023 from './0023_demo_tickets';
import * as m0024 from './0024_report_hour_changes';
import * as m0025 from './0025_qc_project_scope';
import * as m0026 from './0026_settled_resolutions';
import * as m0027 from './0027_running_resolution_index';
import * as m0028 from './0028_backlog_covering';
import * as m0029 from './0029_dispatch_import_transfer';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Data work that SQL alone cannot do, run after `sql` in the same transaction. */
  up?: (db: Database.Database) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, ...m0001 },
  { version: 2, ...m0002 },
  { version: 3, ...m0003 },
  { version: 4, ...m0004 },
  { version: 5, ...m0005 },
  { version: 6, ...m0006 },
  { version: 7, ...m0007 },
  { version: 8, ...m0008 },
  { version: 9, ...m0009 },
  { version: 10, ...m0010 },
  { version: 11, ...m0011 },
  { version: 12, ...m0012 },
  { version: 13, ...m0013 },
  { version: 14, ...m0014 },
  { version: 15, ...m0015 },
  { version: 16, ...m0016 },
  { version: 17, ...m0017 },
  { version: 18, ...m0018 },
  { version: 19, ...m0019 },
  { version: 20, ...m0020 },
  { version: 21, ...m0021 },
  { version: 22, ...m0022 },
  { version: 23, ...m0023 },
  { version: 24, ...m0024 },
  { version: 25, ...m0025 },
  { version: 26, ...m0026 },
  { version: 27, ...m0027 },
  { version: 28, ...m0028 },
  { version: 29, ...m0029 },
];

export const LATEST_VERSION = MIGRATIONS.length;
