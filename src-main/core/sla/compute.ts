/** A ticket's clock rows under a policy: the one function every clock writer uses. */
import type { Channel, Level } from '../enums';
import { matchRule } from './policy';
import { ticketClocks, type ClockTicket, type StatusChange } from './ticket-clocks';
import { clockRow, type ClockRow } from './rows';
import type { SlaConfig } from './config';

export interface ClockedTicket extends ClockTicket {
  channel: Channel;
  level: Level;
  categoryId: number;
}

/** `raised` maps "clock:subject:cycleStart" to the alert keys already raised for that cycle. */
export function computeTicketClocks(
  t: ClockedTicket,
  history: readonly StatusChange[],
  config: SlaConfig,
  raised: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): ClockRow[] {
  const match = matchRule(config.rules, {
    channel: t.channel,
    level: t.level,
    categoryId: t.categoryId,
    parentCategoryId: config.parentOf.get(t.categoryId) ?? null,
  });
  if (!match) return [];
  const ruleId = match.ruleIds.join('+');
  return ticketClocks(t, history, match, { pauseOnPending: config.pauseOnPending, calendar: config.calendar }).map((c) =>
    clockRow(c.kind, 0, ruleId, c.input, c.cancelled, config.alerts, raised.get(`${c.kind}:0:${c.input.startedAt}`) ?? new Set(), c.untimed),
  );
}
