/**
 * A month's data files in a work folder: the machine files (JSON Lines, one
 * per table, written in one read transaction so they are of one moment), then
 * the workbook made from them (every table of core/export/tables.ts gets a
 * machine file and a sheet: a new table is a spec there and its rows here). Nothing here depends on the clock except what
 * the data itself depends on (which clocks were missed at `at`), so the same
 * data gives the same bytes.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { createContext, type ServiceContext } from '../context';
import { openReadOnlyPeer } from '../../db/open';
import { beginReadSnapshot } from '../../db/connection-scope';
import { WarningStore } from '../../db/warning-store';
import { ExportReader } from '../../db/export-reader';
import { tableSpec, WORKBOOK_FILE, type TableId } from '../../core/export/tables';
import { kpiRows, refundBreach, refundRow, ticketBreaches, ticketRow, warningRow } from '../../core/export/rows';
import type { MaskPolicy } from '../../core/export/mask';
import type { ExportMonth } from '../../core/export/revision';
import type { DayRange } from '../../core/reports/model';
import { buildReport } from '../reports/report';
import { JsonlFile, hashFile, type WrittenFile } from './jsonl-file';
import { writeWorkbook } from './workbook';

export interface BuiltData {
  files: WrittenFile[];
  rowCounts: Record<string, number>;
  /** SHA-256 over "path sha256\n" of every data file in order. */
  dataDigest: string;
  previous: DayRange;
  lastYear: DayRange;
}

export interface BuildInput {
  month: ExportMonth;
  zone: string;
  mask: MaskPolicy;
  branch: { id: string; name: string };
  at: number;
}

/** Rows between two reports of progress (and, on a peer connection, two pauses for the console's other calls). */
const ROWS_PER_STEP = 500;
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Rows come from a read-only peer connection inside one read transaction, so
 * every file is of one moment while the console's own connection stays free:
 * every ROWS_PER_STEP rows the loop pauses for the console's other calls
 * (the page asking for progress among them). An in-memory database has no peer
 * and is read in one go on its own connection.
 */
async function writeMachineFiles(ctx: ServiceContext, root: string, input: BuildInput, onRows: (done: number, total: number) => void) {
  const peer = openReadOnlyPeer(ctx.db);
  const db = peer ?? ctx.db;
  const read = peer ? createContext(peer, ctx.now) : ctx;
  const reader = new ExportReader(db);
  const { fromMs, toMs, range } = input.month;
  const { mask, zone, at } = input;
  const files: JsonlFile[] = [];
  const open = (id: TableId) => {
    const f = new JsonlFile(root, tableSpec(id));
    files.push(f);
    return f;
  };
  // Inside a caller's transaction (never the console's case) the rows are of that moment already.
  const endSnapshot = beginReadSnapshot(db);
  try {
    const total = reader.countTickets(fromMs, toMs) + reader.countRefunds(fromMs, toMs);
    let done = 0;
    const step = async () => {
      if (++done % ROWS_PER_STEP !== 0) return;
      onRows(done, total);
      if (peer) await breathe();
    };
    const report = buildReport(read, { range });
    const kpis = open('kpis');
    for (const row of kpiRows(report, report.previous.kpis, report.lastYear.kpis)) kpis.add(row);
    const tickets = open('tickets');
    const refunds = open('refunds');
    const breaches = open('breaches');
    // The volume warnings raised in the month, oldest first, with the figures they were raised with.
    const warnings = open('warnings');
    for (const w of new WarningStore(db).raisedBetween(fromMs, toMs).reverse()) warnings.add(warningRow(w, zone));
    for (const t of reader.tickets(fromMs, toMs)) {
      tickets.add(ticketRow(t, mask, zone));
      for (const b of ticketBreaches(t, at, mask, zone)) breaches.add(b);
      await step();
    }
    for (const r of reader.refunds(fromMs, toMs)) {
      refunds.add(refundRow(r, mask, zone));
      const b = refundBreach(r, at, mask, zone);
      if (b) breaches.add(b);
      await step();
    }
    onRows(total, total);
    const order: readonly JsonlFile[] = [kpis, tickets, refunds, breaches, warnings];
    return { files: order.map((f) => f.close()), previous: report.previous.range, lastYear: report.lastYear.range };
  } catch (e) {
    for (const f of files) f.abandon();
    throw e;
  } finally {
    endSnapshot();
    peer?.close();
  }
}

const monthOf = (r: DayRange) => (r.from.slice(0, 7) === r.to.slice(0, 7) ? r.from.slice(0, 7) : `${r.from}～${r.to}`);

/** Where the build is: rows done of the step's total (the workbook reads each machine file twice). */
export type BuildProgress = (step: 'data' | 'workbook', done: number, total: number) => void;

export async function buildMonthData(ctx: ServiceContext, root: string, input: BuildInput, onProgress: BuildProgress = () => {}): Promise<BuiltData> {
  const machine = await writeMachineFiles(ctx, root, input, (done, total) => onProgress('data', done, total));
  const workbookRows = 2 * machine.files.reduce((n, f) => n + (f.rows ?? 0), 0);
  onProgress('workbook', 0, workbookRows);
  const { month, mask, branch, zone } = input;
  const workbookPath = path.join(root, WORKBOOK_FILE);
  await writeWorkbook(root, workbookPath, {
    headers: {
      kpis: {
        current: `本期（${month.month}）`,
        previous: `上期（${monthOf(machine.previous)}）`,
        last_year: `去年同期（${monthOf(machine.lastYear)}）`,
      },
    },
    about: [
      ['分公司', `${branch.name}（${branch.id}）`],
      ['统计月份', `${month.range.from} 至 ${month.range.to}`],
      ['上期', `${machine.previous.from} 至 ${machine.previous.to}`],
      ['去年同期', `${machine.lastYear.from} 至 ${machine.lastYear.to}`],
      ['时区', zone],
      ['客户号码', mask.phones ? '已脱敏（138****5678）' : '未脱敏'],
      ['客户姓名', mask.names ? '已脱敏（张**）' : '未脱敏'],
    ],
    stamp: new Date(month.toMs),
  }, (read) => onProgress('workbook', read, workbookRows));
  const book = await hashFile(workbookPath);
  const files: WrittenFile[] = [{ path: WORKBOOK_FILE, ...book, rows: null }, ...machine.files];
  const digest = crypto.createHash('sha256');
  for (const f of files) digest.update(`${f.path} ${f.sha256}\n`);
  const rowCounts = Object.fromEntries(machine.files.map((f) => [f.path, f.rows ?? 0]));
  return { files, rowCounts, dataDigest: digest.digest('hex'), previous: machine.previous, lastYear: machine.lastYear };
}
