/**
 * The ticket-list filters the reports' charts open the list with: a clock it missed (the clock outcomes of migration
 * 0004, judged at now), and arrival windows (an hour × weekday cell of the
 * heat map is that hour on each such day of the range, in the branch's zone).
 */
import type { TicketFilter } from '../core/model';

const MISSED_SQL = {
  first_response: 't.fr_missed_at <= @now',
  resolution: 't.res_missed_at <= @now',
  follow_up: 't.fu_missed_at <= @now',
  any: '(t.fr_missed_at <= @now OR t.res_missed_at <= @now OR t.fu_missed_at <= @now)',
} as const;

export function reportDrill(f: TicketFilter, parts: string[], params: Record<string, unknown>, now: number): void {
  if (f.missed) {
    parts.push(MISSED_SQL[f.missed]);
    params.now = now;
  }
  if (f.receivedWindows) {
    const windows = f.receivedWindows.map(([from, to], i) => {
      params[`wf${i}`] = from;
      params[`wt${i}`] = to;
      return `(t.received_at >= @wf${i} AND t.received_at < @wt${i})`;
    });
    parts.push(windows.length ? `(${windows.join(' OR ')})` : '0');
  }
}
