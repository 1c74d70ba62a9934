/**
 * Breach causes: the branch's list, the cause recorded when a ticket whose
 * clock was missed is settled (refused without one), and the Pareto of
 * causes for a range of local days with the report's filters (department
 * among them), each cause with its tickets for the click-through.
 */
import type { ServiceContext } from './context';
import { DomainError } from '../core/errors';
import {
  breachCauseEditRefusal,
  breachCauseRefusal,
  nextBreachCauseCode,
  type BreachCauseChoice,
  type BreachCauseEdit,
  type BreachCauseOption,
} from '../core/breach-causes';
import type { DayRange, ReportFilters } from '../core/reports/model';
import { rangeInstants, rangeProblem } from '../core/reports/period';
import { pareto, type ParetoItem } from '../core/reports/pareto';
import { branchSettings } from './settings';
import { BreachCauseStore } from '../db/breach-causes';
import { ClockStore } from '../db/clock-store';

export function breachCauseOptions(ctx: ServiceContext): BreachCauseOption[] {
  return new BreachCauseStore(ctx.db).options();
}

/**
 * Adds a cause to the branch's list (no code) or renames, retires or brings
 * back one (its code), in the audit log with before and after; returns the
 * list. Nothing is ever deleted: tickets keep the cause they were given.
 */
export function saveBreachCause(ctx: ServiceContext, actorId: number, edit: BreachCauseEdit): BreachCauseOption[] {
  return ctx.db.transaction(() => {
    const options = breachCauseOptions(ctx);
    const refusal = breachCauseEditRefusal(edit, options);
    if (refusal) throw refusal;
    const before = options.find((o) => o.code === edit.code) ?? null;
    const after: BreachCauseOption = {
      code: edit.code ?? nextBreachCauseCode(options),
      nameZh: edit.nameZh.trim(),
      nameEn: edit.nameEn.trim(),
      needsText: edit.needsText,
      active: edit.active,
    };
    const store = new BreachCauseStore(ctx.db);
    if (before) store.update(after);
    else store.add(after);
    const code = after.code;
    ctx.audit.add(ctx.now(), actorId, before ? 'settings.breachCause.change' : 'settings.breachCause.add', code, { before, after });
    return breachCauseOptions(ctx);
  })();
}

/** Whether the ticket's first response or resolution is missed at `now` (an untimed clock never is). */
export function clockMissed(ctx: ServiceContext, ticketId: number, now: number): boolean {
  return new ClockStore(ctx.db).missedFirstResponseOrResolution(ticketId, now);
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
  new BreachCauseStore(ctx.db).record({ ticketId, cause, detail: choice.text?.trim() || null, at: now, by: actorId });
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
  const rows = new BreachCauseStore(ctx.db).recordedOn(fromMs, toMs, query.filters ?? {});
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
