/** The shapes of a report: its range and filters, the raw counts and the KPIs derived from them. */
import type { Channel } from '../enums';
import type { TicketClockKind } from '../sla/policy';

/** Local calendar days in the branch's zone, both ends included: { from: '2026-10-01', to: '2026-10-31' }. */
export interface DayRange {
  from: string;
  to: string;
}

/** Who a report covers; every list is "any of". A top-level category includes its children. */
export interface ReportFilters {
  district?: string[] | undefined;
  channel?: Channel[] | undefined;
  categoryId?: number[] | undefined;
  department?: string[] | undefined;
  assigneeId?: number[] | undefined;
}

/**
 * The counts every KPI is a ratio of, over the tickets received in the range
 * (voided tickets are never counted). Durations are summed in milliseconds.
 */
export interface KpiCounts {
  total: number;
  resolved: number;
  dueCount: number;
  onTime: number;
  repeat: number;
  overlevel: number;
  rated: number;
  satisfied: number;
  responded: number;
  responseSumMs: number;
  handled: number;
  handlingSumMs: number;
  /** Tickets that missed at least one of their own clocks (first response, resolution, follow-up). */
  breached: number;
}

export interface KpiMedians {
  responseMedianMs: number | null;
  handlingMedianMs: number | null;
}

/** Everything a KPI tile shows for one period: the counts, and each KPI (null when undefined). */
export interface KpiSet extends KpiCounts, KpiMedians {
  resolutionRate: number | null;
  timelinessRate: number | null;
  repeatRate: number | null;
  overlevelRate: number | null;
  satisfactionRate: number | null;
  responseMeanMs: number | null;
  handlingMeanMs: number | null;
  /** The branch's subscriber count (setting), or null when not entered. */
  subscribers: number | null;
  complaintsPer10k: number | null;
}

export type BreachClock = TicketClockKind;
export type BreachCounts = Record<BreachClock, number>;
