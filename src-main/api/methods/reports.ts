/** Contract methods of the reports (docs/REQUIREMENTS.md §5): KPIs, the dashboard with its charts, and the report settings. */
import { z } from 'zod';
import { method } from '../define';
import { CHANNELS } from '../../core/enums';
import type { Dashboard, Report } from '../../services/reports/report';
import type { ReportOptions } from '../../services/reports/options';
import type { TodayNumbers } from '../../services/reports/today';
import type { QcReport } from '../../services/reports/qc';
import type { BreachCausePareto } from '../../services/breach-causes';
import type { BreachCauseOption } from '../../core/breach-causes';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const id = z.number().int().positive();
const names = z.array(z.string().trim().min(1).max(40)).max(50).optional();

export const reportFiltersInput = z
  .object({
    district: names,
    channel: z.array(z.enum(CHANNELS)).max(CHANNELS.length).optional(),
    categoryId: z.array(id).max(100).optional(),
    department: names,
    assigneeId: z.array(id).max(100).optional(),
  })
  .strict();

/** Local days in the branch's zone, `to` included. */
export const reportInput = z.object({ from: day, to: day, filters: reportFiltersInput.default({}) }).strict();

const breachCauseEditInput = z
  .object({
    code: z.string().trim().min(1).max(40).optional(),
    nameZh: z.string().max(40),
    nameEn: z.string().max(60),
    needsText: z.boolean().default(false),
    active: z.boolean().default(true),
  })
  .strict();

const subscribersInput = z.object({ subscribers: z.number().int().positive().max(1_000_000_000).nullable() }).strict();

export const reportMethods = {
  'reports/kpis': method<Report>()('agent', reportInput),
  'reports/dashboard': method<Dashboard>()('agent', reportInput),
  /** The QC studies' measures (SP replies, refunds from the complaint, refund-delay repeats, backlog, handling per category). */
  'reports/qc': method<QcReport>()('agent', reportInput),
  /** The Pareto of breach causes recorded on the range's tickets, with each cause's tickets. */
  'reports/breachCauses': method<BreachCausePareto>()('agent', reportInput),
  /** The branch's list of breach causes, for the settle dialog. */
  'reports/breachCauseOptions': method<BreachCauseOption[]>()('agent', z.object({}).strict()),
  /** Today's numbers for the branch's current day and month (the start page), without the report's comparisons and breakdowns. */
  /** Add a breach cause (no code) or rename, retire or bring back one; audited. Returns the list. */
  'reports/saveBreachCause': method<BreachCauseOption[]>()('supervisor', breachCauseEditInput),
  'reports/today': method<TodayNumbers>()('agent', z.object({}).strict()),
  'reports/options': method<ReportOptions>()('agent', z.object({}).strict()),
  'reports/setSubscribers': method<{ subscribers: number | null }>()('admin', subscribersInput),
};
