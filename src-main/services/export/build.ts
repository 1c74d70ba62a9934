/**
 * A month's data files in a work folder: the machine files (JSON Lines, one
 * per table, written in one read transaction so they are of one moment), then
 * the workbook made from them. Nothing here depends on the clock except what
 * the data itself depends on (which clocks were missed at `at`), so the same
 * data gives the same bytes.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import type { ServiceContext } from '../context';
import { ExportReader } from '../../db/export-reader';
import { tableSpec, WORKBOOK_FILE, type TableId } from '../../core/export/tables';
import { kpiRows, refundBreach, refundRow, ticketBreaches, ticketRow } from '../../core/export/rows';
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

function writeMachineFiles(ctx: ServiceContext, root: string, input: BuildInput) {
  const reader = new ExportReader(ctx.db);
  const { fromMs, toMs, range } = input.month;
  const { mask, zone, at } = input;
  return ctx.db.transaction(() => {
    const open = (id: TableId) => new JsonlFile(root, tableSpec(id));
    const report = buildReport(ctx, { range });
    const kpis = open('kpis');
    for (const row of kpiRows(report, report.previous.kpis, report.lastYear.kpis)) kpis.add(row);
    const tickets = open('tickets');
    const breaches = open('breaches');
    for (const t of reader.tickets(fromMs, toMs)) {
      tickets.add(ticketRow(t, mask, zone));
      for (const b of ticketBreaches(t, at, mask, zone)) breaches.add(b);
    }
    const refunds = open('refunds');
    for (const r of reader.refunds(fromMs, toMs)) {
      refunds.add(refundRow(r, mask, zone));
      const b = refundBreach(r, at, mask, zone);
      if (b) breaches.add(b);
    }
    // Volume warnings arrive with their own feature; until then the table is there, empty, with its columns documented.
    const warnings = open('warnings');
    const files = [kpis, tickets, refunds, breaches, warnings].map((f) => f.close());
    return { files, previous: report.previous.range, lastYear: report.lastYear.range };
  })();
}

const monthOf = (r: DayRange) => (r.from.slice(0, 7) === r.to.slice(0, 7) ? r.from.slice(0, 7) : `${r.from}～${r.to}`);

export async function buildMonthData(ctx: ServiceContext, root: string, input: BuildInput, onStep: (step: 'workbook') => void = () => {}): Promise<BuiltData> {
  const machine = writeMachineFiles(ctx, root, input);
  onStep('workbook');
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
  });
  const book = await hashFile(workbookPath);
  const files: WrittenFile[] = [{ path: WORKBOOK_FILE, ...book, rows: null }, ...machine.files];
  const digest = crypto.createHash('sha256');
  for (const f of files) digest.update(`${f.path} ${f.sha256}\n`);
  const rowCounts = Object.fromEntries(machine.files.map((f) => [f.path, f.rows ?? 0]));
  return { files, rowCounts, dataDigest: digest.digest('hex'), previous: machine.previous, lastYear: machine.lastYear };
}
