/** The ticket-list filters the report's charts open the list with, on the October of fixture.ts. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDb, type TestDb } from '../../helpers/temp-db';
import type { TicketFilter } from '../../../src-main/core/model';
import { ticketFilter } from '../../../src-main/api/schemas';
import { NOW, cn, seedOctober } from './fixture';

let t: TestDb;
beforeEach(() => {
  t = tempDb(NOW);
  seedOctober(t.ctx);
});
afterEach(() => t.close());

const october: TicketFilter = { receivedFrom: cn(2026, 10, 1), receivedTo: cn(2026, 11, 1) };
const nos = (filter: TicketFilter) =>
  t.ctx.read.tickets
    .page({ offset: 0, limit: 50, filter: ticketFilter.parse(filter), sort: { field: 'ticketNo', dir: 'asc' } }, NOW)
    .rows.map((r) => r.ticketNo);

describe('report drill-down filters on the ticket list', () => {
  it('department, missed clock, arrival windows', () => {
    expect(nos({ ...october, department: '网络部' })).toEqual(['T10', 'T2']);
    expect(nos({ ...october, missed: 'resolution' })).toEqual(['T2', 'T4']);
    expect(nos({ ...october, missed: 'follow_up' })).toEqual(['T2']);
    expect(nos({ ...october, missed: 'any' })).toEqual(['T2', 'T4']);
    // Mondays 10:00–11:00 in October: T1 (Monday 5 October 10:00) only.
    const mondays10 = [5, 12, 19, 26].map((d): [number, number] => [cn(2026, 10, d, 10), cn(2026, 10, d, 11)]);
    expect(nos({ receivedWindows: mondays10 })).toEqual(['T1']);
    expect(nos({ receivedWindows: [] })).toEqual([]);
  });
});
