import { describe, expect, it } from 'vitest';
import { ticketsByLatestStage } from '../../../../src-main/core/sla/alert-groups';

describe('a batch of alerts counted in tickets', () => {
  it('each ticket once, at the latest stage it reached', () => {
    const alerts = [
      { ticketId: 1, kind: 'approaching' as const },
      { ticketId: 1, kind: 'breached' as const },
      { ticketId: 1, kind: 'escalated' as const },
      { ticketId: 1, kind: 'escalated' as const },
      { ticketId: 2, kind: 'breached' as const },
      { ticketId: 2, kind: 'approaching' as const },
      { ticketId: 3, kind: 'approaching' as const },
    ];
    expect(ticketsByLatestStage(alerts)).toEqual({ approaching: 1, breached: 1, escalated: 1 });
    expect(ticketsByLatestStage([])).toEqual({ approaching: 0, breached: 0, escalated: 0 });
  });
});
