/**
 * The deadline settings as stored (settings table), with the shipped defaults
 * filled in. Read by the clock writers in db and by the services alike.
 */
import { z } from 'zod';
import type { Db } from './open';
import { allRows, int, intOrNull, json, value } from './rows';
import type { SlaConfig } from '../core/sla/config';
import { DEFAULT_RULES, type SlaRule } from '../core/sla/policy';
import { DEFAULT_CALENDAR, type BusinessCalendar } from '../core/sla/calendar';
import { DEFAULT_ALERT_SETTINGS, type AlertSettings } from '../core/sla/alerts';
import { DEFAULT_TIME_LEFT, type TimeLeftTones } from '../core/sla/time-left';

export type { SlaConfig };

export const SLA_KEYS = {
  rules: 'sla.rules',
  calendar: 'sla.calendar',
  alerts: 'sla.alerts',
  pause: 'sla.pauseOnPending',
  timeLeft: 'sla.timeLeft',
} as const;

const ParentRow = z.object({ id: int, parentId: intOrNull });

function setting<T>(db: Db, key: string): T | undefined {
  // The JSON's own shape was checked when it was saved (services/sla-policy.ts).
  return value(json, db.prepare('SELECT value FROM settings WHERE key = ?'), key) as T | undefined;
}

/** The default rules with the SP rule bound to this database's 增值业务 category. */
export function defaultRules(db: Db): SlaRule[] {
  const rules: SlaRule[] = [];
  for (const { categoryName, ...r } of DEFAULT_RULES) {
    if (!categoryName) {
      rules.push({ ...r, categoryId: null });
      continue;
    }
    const id = value(int, db.prepare('SELECT id FROM categories WHERE parent_id IS NULL AND name = ?'), categoryName);
    if (id !== undefined) rules.push({ ...r, categoryId: id });
  }
  return rules;
}

export function readSlaConfig(db: Db): SlaConfig {
  const parents = allRows(ParentRow, db.prepare('SELECT id, parent_id AS parentId FROM categories'));
  const branch = setting<{ zone?: string }>(db, 'branch');
  const calendar = setting<BusinessCalendar>(db, SLA_KEYS.calendar) ?? { ...DEFAULT_CALENDAR, zone: branch?.zone ?? DEFAULT_CALENDAR.zone };
  return {
    rules: setting<SlaRule[]>(db, SLA_KEYS.rules) ?? defaultRules(db),
    calendar,
    alerts: { ...DEFAULT_ALERT_SETTINGS, ...(setting<Partial<AlertSettings>>(db, SLA_KEYS.alerts) ?? {}) },
    pauseOnPending: setting<boolean>(db, SLA_KEYS.pause) ?? true,
    parentOf: new Map(parents.map((p) => [p.id, p.parentId])),
  };
}

/** The countdown colour thresholds (time left), with the shipped defaults. */
export function readTimeLeft(db: Db): TimeLeftTones {
  return { ...DEFAULT_TIME_LEFT, ...(setting<Partial<TimeLeftTones>>(db, SLA_KEYS.timeLeft) ?? {}) };
}
