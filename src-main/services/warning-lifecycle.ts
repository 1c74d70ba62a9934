/**
 * The volume-warning lifecycle (docs/WARNINGS.md, "Lifecycle"): a check raises,
 * raises the level of and recovers stored warnings; a supervisor publishes one
 * by hand, reviews, publishes to the recipient list and closes. Every step is
 * one transaction with its history event (who, when, what).
 */
import type { ServiceContext } from './context';
import type { UserInfo } from '../core/model';
import { DomainError } from '../core/errors';
import { WarningStore, type StoredWarning } from '../db/warning-store';
import { checkWarnings, warningSettings } from './warnings';
import { branchSettings } from './settings';
import { planCheck, warningWindows, type Assessment, type WarningLevel, type WarningNotice, type WarningPeriod } from '../core/warnings';
import { localDayKey } from '../core/time';
import { chosenValue } from './lists';

export interface CheckOutcome {
  at: number;
  trigger: CheckTrigger;
  raised: number[];
  levelRaised: number[];
  recovered: number[];
  notices: WarningNotice[];
}

export type CheckTrigger = 'daily' | 'import' | 'on_demand' | 'start';

function windowOf(period: WarningPeriod, windows: ReturnType<typeof warningWindows>) {
  return period === 'month' ? windows.month : windows.rolling;
}

const notice = (kind: WarningNotice['kind'], id: number, a: Assessment & { level: WarningLevel }): WarningNotice => ({
  kind,
  id,
  category: a.category,
  scope: a.scope,
  district: a.district,
  period: a.period,
  level: a.level,
  count: a.count,
});

/**
 * Check now and bring the stored warnings in line: raise each new one once per
 * category, scope and period, raise a level that climbed, recover what fell
 * back. Hosts hear about what was raised (the `warnings` bus event).
 */
export function runWarningCheck(ctx: ServiceContext, trigger: CheckTrigger, actorId: number | null = null): CheckOutcome {
  const at = ctx.now();
  const zone = branchSettings(ctx).zone;
  const windows = warningWindows(at, zone);
  const labels = { month: windows.monthLabel, day: localDayKey(at, zone) };
  const store = new WarningStore(ctx.db);
  const outcome: CheckOutcome = { at, trigger, raised: [], levelRaised: [], recovered: [], notices: [] };
  ctx.db.transaction(() => {
    const check = checkWarnings(ctx, at);
    const steps = planCheck(check.assessments, store.open(), store.raisedKeys([labels.month, labels.day]), labels);
    for (const s of steps) {
      const a = s.assessment;
      switch (s.kind) {
        case 'recover':
          store.end(s.id, 'recovered', at, null, s.reason);
          store.event(s.id, at, null, 'recovered', { reason: s.reason, count: a.count, threshold: a.threshold, trigger });
          outcome.recovered.push(s.id);
          break;
        case 'raise': {
          const id = store.insert({ source: 'auto', assessment: s.assessment, periodKey: s.periodKey, window: windowOf(a.period, windows), note: null, at, by: null });
          outcome.raised.push(id);
          outcome.notices.push(notice('raised', id, s.assessment));
          break;
        }
        case 'level_raised': {
          store.seen(s.id, a.count, at, s.assessment.level);
          // A surge that grew after it was dismissed is worth a second look: the rejection no longer stands.
          const before = store.byId(s.id);
          if (before?.review === 'rejected') store.review(s.id, null, null, null, null);
          store.event(s.id, at, null, 'level_raised', { from: s.from, to: s.assessment.level, count: a.count, trigger, reviewReopened: before?.review === 'rejected' });
          outcome.levelRaised.push(s.id);
          outcome.notices.push(notice('level_raised', s.id, s.assessment));
          break;
        }
        case 'seen':
          store.seen(s.id, a.count, at);
          break;
      }
    }
  })();
  if (actorId !== null) ctx.audit.add(at, actorId, 'warnings.check', null, { raised: outcome.raised, levelRaised: outcome.levelRaised, recovered: outcome.recovered });
  if (outcome.notices.length > 0) ctx.bus.emit('warnings', { notices: outcome.notices, at });
  return outcome;
}

export interface ManualWarning {
  category: string;
  /** null: the whole branch. */
  district: string | null;
  period: WarningPeriod;
  level: WarningLevel;
  note: string;
}

/**
 * 人工发布: a supervisor raises a warning by hand with the same fields as the
 * check's; the figures are the check's own at this instant, so they are true.
 */
export function publishByHand(ctx: ServiceContext, actor: UserInfo, input: ManualWarning): StoredWarning {
  const at = ctx.now();
  const zone = branchSettings(ctx).zone;
  const windows = warningWindows(at, zone);
  // A district from the kept list, as every form's (blank: the whole branch).
  const district = chosenValue(ctx, 'district', input.district);
  input = { ...input, district };
  const scope = input.district === null ? 'branch' : `district:${input.district}`;
  const store = new WarningStore(ctx.db);
  const id = ctx.db.transaction(() => {
    const settings = { ...warningSettings(ctx), categories: [input.category] };
    const all = checkWarnings(ctx, at, settings).assessments;
    const found = all.find((a) => a.scope === scope && a.period === input.period);
    // A district with no tickets of the category in any window is still a scope one may warn about: its count is 0.
    const a: Assessment = found ?? {
      category: all[0]?.category ?? input.category,
      scope,
      district: input.district,
      period: input.period,
      count: 0,
      baseline: 0,
      threshold: 0,
      protection: settings.protection,
      ratio: null,
      level: null,
    };
    if (a.baseline === null) throw new DomainError('warning_state', { why: 'no_baseline' });
    if (store.open().some((w) => w.category === a.category && w.scope === scope && w.period === input.period)) {
      throw new DomainError('warning_state', { why: 'open_exists' });
    }
    const key = input.period === 'month' ? windows.monthLabel : localDayKey(at, zone);
    if (store.raisedKeys([key]).has(`${a.category}\u0000${scope}\u0000${input.period}\u0000${key}`)) {
      throw new DomainError('warning_state', { why: 'open_exists' });
    }
    return store.insert({
      source: 'manual',
      assessment: { ...a, level: input.level },
      periodKey: key,
      window: windowOf(input.period, windows),
      note: input.note,
      at,
      by: actor.id,
    });
  })();
  ctx.audit.add(at, actor.id, 'warnings.publish_by_hand', null, { id, ...input });
  const w = store.byId(id)!;
  ctx.bus.emit('warnings', { notices: [{ kind: 'raised', id, category: w.category, scope: w.scope, district: w.district, period: w.period, level: w.level, count: w.count }], at });
  return w;
}

function openWarning(store: WarningStore, id: number): StoredWarning {
  const w = store.byId(id);
  if (!w) throw new DomainError('not_found', { what: '预警', id });
  if (w.ended !== null) throw new DomainError('warning_state', { why: 'ended' });
  return w;
}

/** 审核: passed or not, with a comment (required when it does not pass). */
export function reviewWarning(ctx: ServiceContext, actor: UserInfo, id: number, result: 'approved' | 'rejected', comment: string): StoredWarning {
  const store = new WarningStore(ctx.db);
  const at = ctx.now();
  ctx.db.transaction(() => {
    const w = openWarning(store, id);
    if (w.review !== null) throw new DomainError('warning_state', { why: 'reviewed' });
    if (result === 'rejected' && comment.trim() === '') throw new DomainError('reason_required', { field: 'comment' });
    store.review(id, result, comment.trim() || null, at, actor.id);
    store.event(id, at, actor.id, 'reviewed', { result, comment: comment.trim() || null });
  })();
  ctx.audit.add(at, actor.id, 'warnings.review', null, { id, result });
  return store.byId(id)!;
}

/** 监控发布: an approved warning goes to the recipient list in the settings; who was told is kept. */
export function publishWarning(ctx: ServiceContext, actor: UserInfo, id: number): StoredWarning {
  const store = new WarningStore(ctx.db);
  const at = ctx.now();
  ctx.db.transaction(() => {
    const w = openWarning(store, id);
    if (w.review !== 'approved') throw new DomainError('warning_state', { why: 'not_approved' });
    if (w.publishedAt !== null) throw new DomainError('warning_state', { why: 'published' });
    const recipients = warningSettings(ctx).recipients;
    if (recipients.length === 0) throw new DomainError('warning_state', { why: 'no_recipients' });
    store.publish(id, recipients, at, actor.id);
    store.event(id, at, actor.id, 'published', { recipients });
  })();
  ctx.audit.add(at, actor.id, 'warnings.publish', null, { id });
  return store.byId(id)!;
}

/** Closed by hand, with a reason: a warning that will not recover by itself, or one published by hand. */
export function closeWarning(ctx: ServiceContext, actor: UserInfo, id: number, reason: string): StoredWarning {
  const store = new WarningStore(ctx.db);
  const at = ctx.now();
  ctx.db.transaction(() => {
    openWarning(store, id);
    if (reason.trim() === '') throw new DomainError('reason_required', { field: 'reason' });
    store.end(id, 'closed', at, actor.id, reason.trim());
    store.event(id, at, actor.id, 'closed', { reason: reason.trim() });
  })();
  ctx.audit.add(at, actor.id, 'warnings.close', null, { id });
  return store.byId(id)!;
}
