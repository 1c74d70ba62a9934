/**
 * 0006 (untimed clocks): a database imported before it kept running clocks for
 * steps the CRM said were done (a closed ticket with no close time breached for
 * ever). The migration settles them as "met, time not recorded" and refreshes
 * what the ticket row keeps from its clocks; every other clock is left alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src-main/db/migrate';
import { MIGRATIONS } from '../../../src-main/db/migrations';
import { tempDir } from '../../helpers/temp-db';

const H = 3_600_000;
let dir: string | null = null;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = null;
});

describe('migration 0006_untimed_clocks', () => {
  it('settles the clocks of steps that happened without a recorded time, and only those', () => {
    dir = tempDir();
    const db = new Database(path.join(dir, 'desk.db'));
    migrate(db, MIGRATIONS.slice(0, 5));
    db.prepare("INSERT INTO categories (name) VALUES ('宽带')").run();
    const add = db.prepare(`INSERT INTO tickets (ticket_no, channel, received_at, phone, category_id, level, status, description,
        first_response_at, resolved_at, closed_at, created_at, updated_at) VALUES (?, '10086', 0, '13800000000', 1, 'normal', ?, '断网', ?, ?, ?, 0, 0)`);
    add.run('closed-no-close-time', 'closed', 1 * H, 10 * H, null); // id 1
    add.run('resolved-no-response', 'resolved', null, 10 * H, null); // id 2
    add.run('open', 'in_progress', 1 * H, null, null); // id 3
    // The clocks the console wrote before: running where the record had no time.
    const clock = db.prepare(`INSERT INTO ticket_clocks (ticket_id, clock, started_at, limit_ms, stopped_at, due_at, warn_at, next_alert_at, plan)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, '[{"kind":"breached"}]')`);
    clock.run(1, 'first_response', 0, 4 * H, 1 * H, 4 * H, 3.2 * H, null);
    clock.run(1, 'resolution', 0, 48 * H, 10 * H, 48 * H, 38.4 * H, null);
    clock.run(1, 'follow_up', 10 * H, 24 * H, null, 34 * H, 29.2 * H, 34 * H);
    clock.run(2, 'first_response', 0, 4 * H, null, 4 * H, 3.2 * H, 4 * H);
    clock.run(2, 'resolution', 0, 48 * H, 10 * H, 48 * H, 38.4 * H, null);
    clock.run(2, 'follow_up', 10 * H, 24 * H, null, 34 * H, 29.2 * H, 29.2 * H);
    clock.run(3, 'first_response', 0, 4 * H, 1 * H, 4 * H, 3.2 * H, null);
    clock.run(3, 'resolution', 0, 48 * H, null, 48 * H, 38.4 * H, 38.4 * H);
    db.exec(`UPDATE tickets SET fu_missed_at = 34 * ${H} WHERE id = 1;
      UPDATE tickets SET fr_missed_at = 4 * ${H}, fu_missed_at = 34 * ${H}, due_at = 4 * ${H}, due_clock = 'first_response' WHERE id = 2;
      UPDATE tickets SET res_missed_at = 48 * ${H}, due_at = 48 * ${H}, due_clock = 'resolution' WHERE id = 3;`);

    expect(migrate(db, MIGRATIONS.slice(0, 6))).toBe(6);
    const clocks = db.prepare('SELECT ticket_id AS t, clock, stopped_at AS stopped, untimed, next_alert_at AS next FROM ticket_clocks ORDER BY ticket_id, clock').all();
    expect(clocks).toEqual([
      { t: 1, clock: 'first_response', stopped: 1 * H, untimed: 0, next: null },
      { t: 1, clock: 'follow_up', stopped: 10 * H, untimed: 1, next: null },
      { t: 1, clock: 'resolution', stopped: 10 * H, untimed: 0, next: null },
      { t: 2, clock: 'first_response', stopped: 0, untimed: 1, next: null },
      { t: 2, clock: 'follow_up', stopped: null, untimed: 0, next: 29.2 * H },
      { t: 2, clock: 'resolution', stopped: 10 * H, untimed: 0, next: null },
      { t: 3, clock: 'first_response', stopped: 1 * H, untimed: 0, next: null },
      { t: 3, clock: 'resolution', stopped: null, untimed: 0, next: 38.4 * H },
    ]);
    const tickets = db.prepare('SELECT id, due_at AS due, due_clock AS clock, fr_missed_at AS fr, res_missed_at AS res, fu_missed_at AS fu FROM tickets ORDER BY id').all();
    expect(tickets).toEqual([
      { id: 1, due: null, clock: null, fr: null, res: null, fu: null },
      { id: 2, due: 34 * H, clock: 'follow_up', fr: null, res: null, fu: 34 * H },
      { id: 3, due: 48 * H, clock: 'resolution', fr: null, res: 48 * H, fu: null },
    ]);
    db.close();
  });
});
