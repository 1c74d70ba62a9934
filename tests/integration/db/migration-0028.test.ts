/**
 * 0028 (backlog covering): a version-27 database's tickets gain their
 * resolution clock's due time (resolution_due_at), one index holding what the
 * QC backlog reads replaces 0022's two, and nothing else changes. Then the
 * triggers, at the level of SQL: a resolution clock written, its due time
 * moved or made unknown, the clock removed, a clock of another kind changed —
 * the column is the clock's due time after each.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { allRows, at, emptyAt, fillV1, H, upgradeTo } from './old-databases';
import { tempDir } from '../../helpers/temp-db';

let dir: string | null = null;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = null;
});

describe('migration 0028_backlog_covering', () => {
  it('keeps each ticket its resolution due time and indexes what the backlog reads', () => {
    dir = tempDir();
    // Tickets of version 1, given their clocks by 0002 on the way to 27.
    const db = emptyAt(dir, 1);
    fillV1(db);
    upgradeTo(db, 27);
    const before = allRows(db);
    expect(upgradeTo(db, 28)).toBe(28);
    const after = allRows(db);
    for (const table of Object.keys(before)) if (table !== 'tickets') expect(after[table], table).toEqual(before[table]);
    const dueOf = () => db.prepare('SELECT id, resolution_due_at AS due FROM tickets ORDER BY id').all() as Array<{ id: number; due: number | null }>;
    // The tickets as they were, with the column added.
    expect(after.tickets!.map((r) => ({ ...(r as object), resolution_due_at: undefined }))).toEqual(
      before.tickets!.map((r) => ({ ...(r as object), resolution_due_at: undefined })),
    );
    // By hand (old-databases.ts, the clocks 0002 gives): hours after arrival; ticket 4 is paused (unknown),
    // 5 was paused 3 h (27), 8 reopened at 30 h (78), 9 voided keeps its cancelled clock's 48.
    const byHand = [48, 12, 24, null, 27, 4, 48, 78, 48, 48];
    expect(dueOf()).toEqual(byHand.map((h, i) => ({ id: i + 1, due: h === null ? null : at(h) })));

    const indexes = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'tickets'").all() as Array<{ name: string }>).map((r) => r.name);
    expect(indexes).toContain('tickets_backlog');
    expect(indexes).not.toContain('tickets_resolved');
    expect(indexes).not.toContain('tickets_unresolved');
    // The backlog's read is one index, never the table.
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT t.id, t.received_at, t.resolved_at, t.resolution_due_at FROM tickets t INDEXED BY tickets_backlog
         WHERE t.resolved_at >= 0 AND t.received_at < 1 AND t.status <> 'voided' AND t.district IN ('禅城区') AND t.department IN ('网络部')`,
      )
      .all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toContain('COVERING INDEX tickets_backlog');

    const due = (id: number) => dueOf().find((r) => r.id === id)!.due;
    const setDue = db.prepare(`UPDATE ticket_clocks SET due_at = ? WHERE ticket_id = ? AND clock = ?`);
    // Moved, made unknown, known again.
    setDue.run(at(60), 1, 'resolution');
    expect(due(1)).toBe(at(60));
    setDue.run(null, 1, 'resolution');
    expect(due(1)).toBeNull();
    setDue.run(at(50), 4, 'resolution');
    expect(due(4)).toBe(at(50));
    // Another clock's due time, or another column of this one, changes nothing.
    setDue.run(at(1), 2, 'first_response');
    db.prepare(`UPDATE ticket_clocks SET next_alert_at = 5, stopped_at = ? WHERE ticket_id = 2 AND clock = 'resolution'`).run(at(3));
    expect(due(2)).toBe(at(12));
    // Removed, then written again (as ClockStore replaces a ticket's clocks).
    db.prepare(`DELETE FROM ticket_clocks WHERE ticket_id = 3 AND clock = 'resolution'`).run();
    expect(due(3)).toBeNull();
    db.prepare(`INSERT INTO ticket_clocks (ticket_id, clock, subject_id, started_at, limit_ms, due_at) VALUES (3, 'resolution', 0, ?, ?, ?)`).run(at(0), 30 * H, at(30));
    expect(due(3)).toBe(at(30));
    // A refund's clock is not the ticket's own.
    db.prepare(`INSERT INTO ticket_clocks (ticket_id, clock, subject_id, started_at, limit_ms, due_at) VALUES (3, 'refund', 99, ?, ?, ?)`).run(at(0), H, at(1));
    expect(due(3)).toBe(at(30));
    db.close();
  });
});
