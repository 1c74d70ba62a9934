/**
 * 0002 (deadline clocks) on a version-1 database holding a ticket in every
 * status: each ticket gets the clocks the defaults of the day give it, and
 * nothing of version 1 changes.
 */
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../src-main/db/migrate';
import { tempDir, PINNED_NOW } from '../../helpers/temp-db';
import { CLOCKS_OF_EVERY_STATUS, H, emptyAt, fillV1, upgradeTo } from './old-databases';

let dir: string;
let db: Database.Database;
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** An instant as hours after the first ticket arrived. */
const h = (ms: number | null) => (ms === null ? null : (ms - PINNED_NOW) / H);

describe('migration 0002_sla', () => {
  it('gives every ticket of a version-1 database its clocks and its most urgent due time', () => {
    dir = tempDir();
    db = emptyAt(dir, 1);
    fillV1(db);
    const v1 = db.prepare('SELECT * FROM tickets ORDER BY id').all();
    const events = db.prepare('SELECT * FROM ticket_events ORDER BY id').all();

    expect(upgradeTo(db, 2)).toBe(2);
    expect(schemaVersion(db)).toBe(2);
    const clocks = db
      .prepare(`SELECT ticket_id, clock, rule_id, started_at, limit_ms, business, pauses, stopped_at, cancelled, due_at, warn_at, next_alert_at
        FROM ticket_clocks ORDER BY ticket_id, started_at, clock = 'follow_up', clock`)
      .all() as Array<Record<string, number | string | null>>;
    expect(clocks.every((c) => c.business === 0)).toBe(true);
    expect(
      clocks.map((c) => [
        c.ticket_id,
        c.clock,
        c.rule_id,
        h(c.started_at as number),
        (c.limit_ms as number) / H,
        (JSON.parse(c.pauses as string) as Array<[number, number | null]>).map(([s, e]) => [h(s), h(e)]),
        h(c.stopped_at as number | null),
        c.cancelled,
        h(c.due_at as number | null),
        h(c.warn_at as number | null),
        h(c.next_alert_at as number | null),
      ]),
    ).toEqual(CLOCKS_OF_EVERY_STATUS);

    // The alert plans: approaching at 80 %, breached at 100 %, then supervisor and manager two hours apart.
    const plan = (ticket: number, clock: string) =>
      (JSON.parse((db.prepare('SELECT plan FROM ticket_clocks WHERE ticket_id = ? AND clock = ?').get(ticket, clock) as { plan: string }).plan) as Array<{ at: number }>).map(
        (p) => ({ ...p, at: h(p.at) }),
      );
    expect(plan(1, 'first_response')).toEqual([
      { kind: 'approaching', threshold: 0.8, step: 0, at: 3.2 },
      { kind: 'breached', threshold: 1, step: 0, at: 4 },
      { kind: 'escalated', threshold: 1, step: 1, at: 6 },
      { kind: 'escalated', threshold: 1, step: 2, at: 8 },
    ]);
    expect(plan(5, 'resolution').map((p) => p.at)).toEqual([22.2, 27, 29, 31]);
    expect(plan(2, 'first_response')).toEqual([]); // stopped
    expect(plan(4, 'resolution')).toEqual([]); // paused
    expect(plan(9, 'resolution')).toEqual([]); // cancelled

    const due = db.prepare('SELECT id, due_at, due_clock, warn_at FROM tickets ORDER BY id').all() as Array<{ id: number; due_at: number | null; due_clock: string | null; warn_at: number | null }>;
    expect(due.map((t) => [t.id, h(t.due_at), t.due_clock, h(t.warn_at)])).toEqual([
      [1, 4, 'first_response', 3.2],
      [2, 12, 'resolution', 9.6],
      [3, 24, 'resolution', 19.2],
      [4, null, null, null],
      [5, 27, 'resolution', 22.2],
      [6, 27, 'follow_up', 22.2],
      [7, null, null, null],
      [8, null, null, null],
      [9, null, null, null],
      [10, null, null, null],
    ]);

    // Version 1's rows are as they were, beside the three new columns.
    const after = db.prepare('SELECT * FROM tickets ORDER BY id').all() as Array<Record<string, unknown>>;
    expect(after.map(({ due_at: _d, due_clock: _c, warn_at: _w, ...rest }) => rest)).toEqual(v1);
    expect(db.prepare('SELECT * FROM ticket_events ORDER BY id').all()).toEqual(events);
    expect(db.prepare('SELECT count(*) AS n FROM alerts').get()).toEqual({ n: 0 });
  });

  it('on a version-1 database without tickets it only adds the tables', () => {
    dir = tempDir();
    db = emptyAt(dir, 1);
    expect(upgradeTo(db, 2)).toBe(2);
    expect(db.prepare('SELECT count(*) AS n FROM ticket_clocks').get()).toEqual({ n: 0 });
  });
});
