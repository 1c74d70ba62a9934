/**
 * Demo tickets (migration 0023) and the numbers. A database of demo tickets
 * alone is the demo: its reports and exports show them, so the console can
 * be learnt with something on every page. Once the branch has a real ticket
 * beside them, every report and export leaves the demo ones out.
 *
 * The condition names the demo tickets through their partial index and tests
 * the row's id against that small set, so a scan of a covering index
 * (tickets_report) stays covering: the id is in every index. Whether a real
 * ticket exists is asked once per statement (an uncorrelated EXISTS, which
 * stops at the first real row). With no demo ticket the set is empty.
 */
const DEMO_IDS = 'SELECT id FROM tickets WHERE is_demo = 1';
const ANY_REAL = 'EXISTS (SELECT 1 FROM tickets WHERE is_demo = 0)';

export function notDemo(alias: string): string {
  return ticketNotDemo(`${alias}.id`);
}

/** The same for rows that name a ticket by id (a refund's ticket_id). */
export function ticketNotDemo(column: string): string {
  return `(${column} NOT IN (${DEMO_IDS}) OR NOT ${ANY_REAL})`;
}
