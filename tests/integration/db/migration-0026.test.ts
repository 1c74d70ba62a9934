/**
 * 0026 (settled resolutions): a version-25 database gains one row per ticket
 * whose resolution clock settled — resolved and not voided — with its stop
 * instant, duration and limit, stamped 0; the tickets and clocks are untouched. Then
 * the triggers, at the level of SQL: a clock stopped, a ticket voided, a due
 * time moved, a clock restarted, a department changed and a demo ticket removed each leave
 * the ticket's row as the definition gives it, stamped past every earlier one.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { allRows, at, emptyAt, EVERY_STATUS, fillV1, H, upgradeTo } from './old-databases';
import { tempDir } from '../../helpers/temp-db';

let dir: string | null = null;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = null;
});

interface Row {
  ticket_id: number;
  department: string | null;
  stopped_at: number | null;
  duration_ms: number | null;
  limit_ms: number | null;
  seq: number;
}

describe('migration 0026_settled_resolutions', () => {
  it('holds the settled resolutions of the tickets there, and keeps them as tickets and clocks change', () => {
    dir = tempDir();
    // Tickets of version 1, given their clocks by 0002 on the way to 25.
    const db = emptyAt(dir, 1);
    fillV1(db);
    upgradeTo(db, 25);
    const before = allRows(db);
    expect(upgradeTo(db, 26)).toBe(26);
    const after = allRows(db);
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);

    const rows = () => db.prepare('SELECT ticket_id, department, stopped_at, duration_ms, limit_ms, seq FROM settled_resolutions ORDER BY ticket_id').all() as Row[];
    const row = (id: number) => rows().find((r) => r.ticket_id === id);
    // By hand from the fixture: received at hour 0, the resolution clock runs from arrival (or the last reopen) to resolution (0002 gives it so), voided ones left out.
    // A reopened ticket's clock starts again at the reopen.
    const settled = EVERY_STATUS.flatMap((t, i) =>
      t.resolvedH !== undefined && t.steps.at(-1)?.[2] !== 'voided'
        ? [{ id: i + 1, h: t.resolvedH, startH: t.steps.findLast((s) => s[0] === 'reopen')?.[3] ?? 0 }]
        : [],
    );
    expect(settled.length).toBeGreaterThan(2);
    // The limit is copied from the clock's due time as 0002 worked it out.
    const limitOf = (id: number) =>
      (db.prepare(`SELECT due_at - started_at AS ms FROM ticket_clocks WHERE ticket_id = ? AND clock = 'resolution'`).get(id) as { ms: number | null }).ms;
    expect(rows()).toEqual(
      settled.map(({ id, h, startH }) => ({ ticket_id: id, department: null, stopped_at: at(h), duration_ms: (h - startH) * H, limit_ms: limitOf(id), seq: 0 })),
    );
    expect(rows().filter((r) => r.limit_ms !== null && r.limit_ms > 0).length).toBeGreaterThan(0);

    // An open ticket's clock stops: its row comes, stamped 1.
    const open = (db.prepare(`SELECT ticket_id AS id FROM ticket_clocks WHERE clock = 'resolution' AND stopped_at IS NULL AND cancelled = 0 LIMIT 1`).get() as { id: number }).id;
    const startedAt = (db.prepare(`SELECT started_at AS s FROM ticket_clocks WHERE ticket_id = ? AND clock = 'resolution'`).get(open) as { s: number }).s;
    db.prepare(`UPDATE ticket_clocks SET stopped_at = ? WHERE ticket_id = ? AND clock = 'resolution'`).run(startedAt + 7 * H, open);
    expect(row(open)).toEqual({ ticket_id: open, department: null, stopped_at: startedAt + 7 * H, duration_ms: 7 * H, limit_ms: limitOf(open), seq: 1 });

    // Its department changes: the row follows, stamped 2; a change that touches nothing it holds stamps nothing.
    db.prepare(`UPDATE tickets SET department = '网络部' WHERE id = ?`).run(open);
    expect(row(open)).toMatchObject({ department: '网络部', seq: 2 });
    db.prepare(`UPDATE tickets SET department = '网络部' WHERE id = ?`).run(open);
    db.prepare(`UPDATE ticket_clocks SET next_alert_at = 1 WHERE ticket_id = ?`).run(open);
    expect(row(open)).toMatchObject({ seq: 2 });

    // Voided: the row stays without a stop instant, stamped 3; un-voided, back.
    db.prepare(`UPDATE tickets SET status = 'voided' WHERE id = ?`).run(open);
    expect(row(open)).toEqual({ ticket_id: open, department: '网络部', stopped_at: null, duration_ms: null, limit_ms: null, seq: 3 });
    db.prepare(`UPDATE tickets SET status = 'resolved' WHERE id = ?`).run(open);
    expect(row(open)).toMatchObject({ stopped_at: startedAt + 7 * H, duration_ms: 7 * H, seq: 4 });

    // Its due time moved (a pause counted afterwards): the limit follows.
    db.prepare(`UPDATE ticket_clocks SET due_at = ? WHERE ticket_id = ? AND clock = 'resolution'`).run(startedAt + 30 * H, open);
    expect(row(open)).toMatchObject({ limit_ms: 30 * H, seq: 5 });

    // The clock restarted (a reopen): no stop instant.
    db.prepare(`UPDATE ticket_clocks SET stopped_at = NULL, started_at = ? WHERE ticket_id = ? AND clock = 'resolution'`).run(startedAt + 9 * H, open);
    expect(row(open)).toMatchObject({ stopped_at: null, duration_ms: null, limit_ms: null, seq: 6 });

    // A demo ticket removed with its clocks: its row stays, without a stop instant.
    const [first] = settled;
    db.prepare('UPDATE tickets SET is_demo = 1 WHERE id = ?').run(first!.id);
    db.transaction(() => {
      for (const table of ['ticket_clocks', 'alerts', 'ticket_events']) db.prepare(`DELETE FROM ${table} WHERE ticket_id = ?`).run(first!.id);
      db.prepare('DELETE FROM tickets WHERE id = ?').run(first!.id);
    })();
    expect(row(first!.id)).toMatchObject({ stopped_at: null, duration_ms: null, seq: 7 });
    db.close();
  });
});
