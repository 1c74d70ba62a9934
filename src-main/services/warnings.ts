/** The volume-warning check (投诉预警) at an instant, from the tickets as they are. */
import type { ServiceContext } from './context';
import { DomainError } from '../core/errors';
import { branchSettings } from './settings';
import { WarningCountReader } from '../db/warning-counts';
import {
  DEFAULT_WARNING_SETTINGS,
  assessWarnings,
  monitoredCategories,
  warningWindows,
  type Assessment,
  type WarningSettings,
} from '../core/warnings';

export const WARNING_SETTINGS_KEY = 'warnings';

export function warningSettings(ctx: ServiceContext): WarningSettings {
  const saved = ctx.settings.get<Partial<WarningSettings>>(WARNING_SETTINGS_KEY) ?? {};
  return { ...DEFAULT_WARNING_SETTINGS, ...saved, levels: { ...DEFAULT_WARNING_SETTINGS.levels, ...(saved.levels ?? {}) } };
}

/** An administrator's change of the monitored categories, coefficient, protection value, levels or recipients. */
export function saveWarningSettings(ctx: ServiceContext, actorId: number, value: WarningSettings): WarningSettings {
  // An unknown category is refused here, not at the next check.
  monitoredCategories(ctx.categories.list(), value);
  const { red, orange, yellow } = value.levels;
  if (!(yellow <= orange && orange <= red)) throw new DomainError('validation', { field: 'levels', rule: 'order_levels' });
  ctx.settings.set(WARNING_SETTINGS_KEY, value, ctx.now(), actorId);
  ctx.audit.add(ctx.now(), actorId, 'settings.warnings', null, value);
  return warningSettings(ctx);
}

export interface WarningCheck {
  at: number;
  month: string;
  assessments: Assessment[];
}

/** Every monitored category × scope × period at `at`; those with a level are the warnings that hold. */
export function checkWarnings(ctx: ServiceContext, at: number, settings: WarningSettings = warningSettings(ctx)): WarningCheck {
  const windows = warningWindows(at, branchSettings(ctx).zone);
  const monitored = monitoredCategories(ctx.categories.list(), settings);
  const reader = new WarningCountReader(ctx.db);
  const oldestEnd = windows.baselineMonths[0]!.end;
  const read = () => ({
    baselineMonths: windows.baselineMonths.map((w) => reader.counts(w.start, w.end)),
    baselineDays: windows.baselineDays,
    month: reader.counts(windows.month.start, windows.month.end),
    rolling: reader.counts(windows.rolling.start, windows.rolling.end),
    // History reaches back to the oldest baseline month when a ticket came before its end.
    withHistory: new Set(monitored.filter((c) => reader.hasTicketBefore(c.ids, oldestEnd)).map((c) => c.label)),
  });
  // One read transaction, so an import landing half-way cannot split the windows.
  const { withHistory, ...counts } = ctx.db.transaction(read).deferred();
  return { at, month: windows.monthLabel, assessments: assessWarnings(monitored, counts, withHistory, settings) };
}
