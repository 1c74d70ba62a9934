/**
 * 0018 (breach causes): a version-17 database with tickets in every status
 * gains the list of causes, filled with the seven defaults, and the empty
 * table of recorded causes; the tickets are untouched and a cause must be one
 * of the list.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { allRows, emptyAt, fillV1, upgradeTo } from './old-databases';
import { tempDir } from '../../helpers/temp-db';

let dir: string | null = null;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = null;
});

describe('migration 0018_breach_causes', () => {
  it('adds the seven default causes and an empty table of recorded ones', () => {
    dir = tempDir();
    const db = emptyAt(dir, 17);
    fillV1(db);
    const before = allRows(db);
    expect(upgradeTo(db, 18)).toBe(18);
    expect(allRows(db).tickets).toEqual(before.tickets);
    expect(db.prepare('SELECT code, name_zh AS zh, needs_text AS text FROM breach_causes ORDER BY sort').all()).toEqual([
      { code: 'backlog', zh: '工单堆积', text: 0 },
      { code: 'wrong_dispatch', zh: '派单不准', text: 0 },
      { code: 'fault_location', zh: '故障定位不准', text: 0 },
      { code: 'other_department', zh: '等待其他部门', text: 0 },
      { code: 'customer_unreachable', zh: '联系不上客户', text: 0 },
      { code: 'system_fault', zh: '系统故障', text: 0 },
      { code: 'other', zh: '其他', text: 1 },
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM ticket_breach_causes').get()).toEqual({ n: 0 });
    const ticket = (db.prepare('SELECT id FROM tickets LIMIT 1').get() as { id: number }).id;
    const user = (db.prepare('SELECT id FROM users LIMIT 1').get() as { id: number }).id;
    expect(() =>
      db.prepare("INSERT INTO ticket_breach_causes (ticket_id, cause, recorded_at, recorded_by) VALUES (?, 'made_up', 1, ?)").run(ticket, user),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
