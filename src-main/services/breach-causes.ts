/**
 * Breach causes: the branch's list, the cause recorded when a ticket whose
 * clock was missed is settled (refused without one), and the Pareto of
 * causes for a range of local days with the report's filters (department
 * among them), each cause with its tickets for the click-through.
 */
import type { ServiceContext } from './context';
import { DomainError } from '../core/errors';
import { breachCauseRefusal, type BreachCauseChoice, type BreachCauseOption } from '../core/breach-causes';
import type { DayRange, ReportFilters } from '../core/reports/model';
import { rangeInstants, rangeProblem } from '../core/reports/period';
import { pareto, type ParetoItem } from '../core/reports/pareto';
import { branchSettings } from './settings';
import { filterSql } from './reports/filters';

export function breachCauseOptions(ctx: ServiceContext): BreachCauseOption[] {
  const rows = ctx.db
    .prepare('SELECT code, name_zh AS nameZh, name_en AS nameEn, needs_text AS needsText, active FROM breach_causes ORDER BY sort, code')
    .all() as { code: string; nameZh: string; nameEn: string; needsText: number; active: number }[];
  return rows.map((r) => ({ ...r, needsText: r.needsText === 1, active: r.active === 1 }));
}

/** Whether the ticket's first response or resolution is missed at `now` (an untimed clock never is). */
export function clockMissed(ctx: ServiceContext, ticketId: number, now: number): boolean {
  const row = ctx.db
    .prepare(
      `SELECT 1 FROM ticket_clocks WHERE ticket_id = ? AND subject_id = 0 AND cancelled = 0 AND untimed = 0
         AND clock IN ('first_response', 'resolution') AND due_at IS NOT NULL AND coalesce(stopped_at, ?) > due_at LIMIT 1`,
    )
    .get(ticketId, now);
  return row !== undefined;
}

/**
 * Called inside the settling transaction, before the ticket changes: refuses
 * a missed ticket without a cause, and records the cause when one is given.
 */
export function recordBreachCause(ctx: ServiceContext, ticketId: number, actorId: number, choice: BreachCauseChoice, now: number): void {
  const refusal = breachCauseRefusal(clockMissed(ctx, ticketId, now), choice, breachCauseOptions(ctx));
  if (refusal) throw refusal;
  const cause = choice.cause?.trim();
  if (!cause) return;
  ctx.db
    .prepare(
      `INSERT INTO ticket_breach_causes (ticket_id, cause, detail, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (ticket_id) DO UPDATE SET cause = excluded.cause, detail = excluded.detail,
         recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by`,
    )
    .run(ticketId, cause, choice.text?.trim() || null, now, actorId);
}

export interface BreachCauseBar extends ParetoItem<string> {
  labelEn: string;
  /** The tickets behind the bar, for the click-through to the list. */
  ticketIds: number[];
}

export interface BreachCausePareto {
  range: DayRange;
  total: number;
  causes: BreachCauseBar[];
}

/** Causes recorded on the tickets received in the range (voided ones out), largest first with the cumulative share. */
export function breachCausePareto(ctx: ServiceContext, query: { range: DayRange; filters?: ReportFilters | undefined }): BreachCausePareto {
  const range = query.range;
  if (rangeProblem(range)) throw new DomainError('validation', { field: 'range', rule: 'invalid', value: `${range.from} – ${range.to}` });
  const { fromMs, toMs } = rangeInstants(range, branchSettings(ctx).zone);
  const f = filterSql(query.filters ?? {});
  const rows = ctx.db
    .prepare(
      `SELECT b.cause, t.id FROM ticket_breach_causes b JOIN tickets t ON t.id = b.ticket_id
        WHERE t.received_at >= @from AND t.received_at < @to AND t.status <> 'voided'${f.sql} ORDER BY t.received_at, t.id`,
    )
    .all({ ...f.params, from: fromMs, to: toMs }) as { cause: string; id: number }[];
  const options = new Map(breachCauseOptions(ctx).map((o) => [o.code, o]));
  const ids = new Map<string, number[]>();
  for (const r of rows) ids.set(r.cause, [...(ids.get(r.cause) ?? []), r.id]);
  const bars = pareto([...ids.entries()].map(([code, list]) => ({ key: code, label: options.get(code)?.nameZh ?? code, count: list.length })));
  return {
    range,
    total: rows.length,
    causes: bars.map((b) => ({ ...b, labelEn: options.get(b.key)?.nameEn ?? b.key, ticketIds: ids.get(b.key) ?? [] })),
  };
}
