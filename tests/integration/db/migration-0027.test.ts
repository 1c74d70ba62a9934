/**
 * 0027 (running resolution index): on a database with tickets in every
 * status, the index holds exactly the resolution clocks that run (not
 * stopped, not cancelled; a paused one with its unknown due time too), in
 * due order, and a query of those clocks' columns reads the index alone.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyAt, fillV1, upgradeTo } from './old-databases';
import { tempDir } from '../../helpers/temp-db';

let dir: string | null = null;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = null;
});

const RUNNING = `clock = 'resolution' AND subject_id = 0 AND stopped_at IS NULL AND cancelled = 0`;

describe('migration 0027_running_resolution_index', () => {
  it('indexes exactly the running resolution clocks, and covers what foresight reads of them', () => {
    dir = tempDir();
    const db = emptyAt(dir, 1);
    fillV1(db);
    expect(upgradeTo(db, 27)).toBe(27);
    const viaIndex = `SELECT ticket_id, started_at, due_at, warn_at FROM ticket_clocks INDEXED BY ticket_clocks_running_resolution WHERE ${RUNNING} ORDER BY due_at`;
    // The same clocks read from the table itself (NOT INDEXED), ordered the same way.
    const viaTable = `SELECT ticket_id, started_at, due_at, warn_at FROM ticket_clocks NOT INDEXED WHERE ${RUNNING} ORDER BY due_at, ticket_id`;
    const running = db.prepare(viaTable).all();
    expect(running.length).toBeGreaterThan(1);
    expect(db.prepare(`SELECT count(*) AS n FROM ticket_clocks WHERE clock = 'resolution' AND NOT (${RUNNING})`).get()).not.toEqual({ n: 0 });
    expect(db.prepare(viaIndex).all()).toEqual(running);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${viaIndex}`).all() as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
    expect(plan).toBe('SCAN ticket_clocks USING COVERING INDEX ticket_clocks_running_resolution');

    // A running clock stopped leaves the index; the rest stay.
    const first = running[0] as { ticket_id: number };
    db.prepare(`UPDATE ticket_clocks SET stopped_at = 1 WHERE ticket_id = ? AND clock = 'resolution'`).run(first.ticket_id);
    expect(db.prepare(viaIndex).all()).toEqual(running.slice(1));
    db.close();
  });
});
