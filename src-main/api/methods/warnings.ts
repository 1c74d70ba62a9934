/**
 * Contract methods of the volume warnings (投诉预警): every role reads the
 * warnings, the report and the chart (customers' numbers masked for agents);
 * supervisors and above check on demand, publish by hand, review, publish to
 * the recipients and close; administrators change the settings.
 */
import { z } from 'zod';
import { method } from '../define';
import type { WarningDetail, WarningReport, WarningRow, CategorySeries } from '../../services/warning-views';
import type { CheckOutcome } from '../../services/warning-lifecycle';
import type { WarningSettings } from '../../core/warnings';
import { WARNING_STATES } from '../../core/warnings';

const id = z.number().int().positive();
const text = (max: number) => z.string().trim().max(max);
const LEVELS = ['yellow', 'orange', 'red'] as const;
const PERIODS = ['month', 'rolling7'] as const;

export const warningFilterInput = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    level: z.array(z.enum(LEVELS)).max(3).optional(),
    category: text(80).min(1).optional(),
    district: text(40).min(1).optional(),
    state: z.array(z.enum(WARNING_STATES)).max(WARNING_STATES.length).optional(),
    source: z.enum(['auto', 'manual']).optional(),
    period: z.enum(PERIODS).optional(),
  })
  .strict();

const multiple = z.number().positive().max(100);

export const warningSettingsInput = z
  .object({
    categories: z.array(text(80).min(1)).max(100).nullable(),
    coefficient: multiple,
    protection: z.number().int().min(0).max(1_000_000),
    levels: z.object({ yellow: multiple, orange: multiple, red: multiple }).strict(),
    recipients: z.array(z.object({ name: text(40).min(1), role: text(40).min(1) }).strict()).max(100),
  })
  .strict();

export const warningMethods = {
  'warnings/list': method<WarningRow[]>()('agent', warningFilterInput),
  'warnings/get': method<WarningDetail>()('agent', z.object({ id }).strict()),
  'warnings/report': method<WarningReport>()('agent', warningFilterInput),
  'warnings/chart': method<CategorySeries[]>()('agent', z.object({}).strict()),
  'warnings/settings': method<WarningSettings>()('agent', z.object({}).strict()),
  'warnings/check': method<CheckOutcome>()('supervisor', z.object({}).strict()),
  'warnings/publishByHand': method<WarningRow>()(
    'supervisor',
    z
      .object({
        category: text(80).min(1),
        district: text(40).min(1).nullable(),
        period: z.enum(PERIODS),
        level: z.enum(LEVELS),
        note: text(500).min(1),
      })
      .strict(),
  ),
  'warnings/review': method<WarningRow>()(
    'supervisor',
    z.object({ id, result: z.enum(['approved', 'rejected']), comment: text(500).default('') }).strict(),
  ),
  'warnings/publish': method<WarningRow>()('supervisor', z.object({ id }).strict()),
  'warnings/close': method<WarningRow>()('supervisor', z.object({ id, reason: text(500).min(1) }).strict()),
  'warnings/saveSettings': method<WarningSettings>()('admin', warningSettingsInput),
};
