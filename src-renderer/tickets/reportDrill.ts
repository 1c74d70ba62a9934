/**
 * The ticket list opened from a report chart: the chart's slice of the report
 * travels in the URL (#/tickets?rf=…&rt=…&cat=…) and becomes part of the SQL
 * filter. Instants are epoch ms; a heat-map cell (slot=weekday:hour) becomes
 * that hour of each such local day between rf and rt, in the branch's zone.
 */
import type { TicketFilter } from '../api/types';
import { fromLocalInput } from '../lib/time';

export type Missed = NonNullable<TicketFilter['missed']>;
const MISSED: readonly Missed[] = ['first_response', 'resolution', 'follow_up', 'any'];

const int = (v: string | null) => (v !== null && /^-?\d+$/.test(v) ? Number(v) : undefined);

const DAY = 86_400_000;

/** Each local day in [from, to) whose weekday (0 = Monday) matches: that hour of it. */
export function slotWindows(from: number, to: number, weekday: number, hour: number, zone: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short' });
  const hh = String(hour).padStart(2, '0');
  // Step through the days at local noon-ish instants; 400 windows is the list filter's limit.
  for (let t = from + 12 * 3_600_000; t < to + DAY && out.length < 400; t += DAY) {
    const parts = Object.fromEntries(fmt.formatToParts(new Date(t)).map((p) => [p.type, p.value]));
    const wd = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday ?? '');
    if (wd !== weekday) continue;
    const start = fromLocalInput(`${parts.year}-${parts.month}-${parts.day}T${hh}:00`, zone);
    if (start === null || start < from || start >= to) continue;
    out.push([start, start + 3_600_000]);
  }
  return out;
}

export function drillFilter(params: URLSearchParams, zone: string): TicketFilter {
  const f: TicketFilter = {};
  const rf = int(params.get('rf'));
  const rt = int(params.get('rt'));
  if (rf !== undefined) f.receivedFrom = rf;
  if (rt !== undefined) f.receivedTo = rt;
  const cat = int(params.get('cat'));
  if (cat !== undefined) f.categoryId = cat;
  const assignee = int(params.get('assignee'));
  if (assignee !== undefined) f.assigneeId = assignee;
  const district = params.get('district');
  if (district) f.district = district;
  const dept = params.get('dept');
  if (dept) f.department = dept;
  const missed = MISSED.find((m) => m === params.get('missed'));
  if (missed) f.missed = missed;
  const cause = params.get('cause');
  if (cause) f.breachCause = cause;
  if (params.get('nodemo') === '1') f.notDemo = true;
  const slot = /^([0-6]):(\d{1,2})$/.exec(params.get('slot') ?? '');
  if (slot && rf !== undefined && rt !== undefined) f.receivedWindows = slotWindows(rf, rt, Number(slot[1]), Number(slot[2]), zone);
  return f;
}
