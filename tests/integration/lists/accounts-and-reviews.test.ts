/**
 * An administrator edits a colleague's name, role and department (audited;
 * never his own role, never the last administrator away), and the review
 * list: an import of a file another program wrote (openpyxl) whose city and
 * district are not on the lists imports its rows with those fields empty,
 * holds the values for review, and mapping them fills the tickets and is
 * remembered for the next import.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, tempDb, type TestDb } from '../../helpers/temp-db';
import { setUserActive, updateUser } from '../../../src-main/services/users';
import { importFile } from '../../../src-main/services/import/run';
import { openReviews, resolveReview } from '../../../src-main/services/list-reviews';
import { lists } from '../../../src-main/services/lists';
import type { UserInfo } from '../../../src-main/core/model';
import { refusal } from '../../helpers/refusal';

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/crm-writers/openpyxl-crm-export.xlsx');

let t: TestDb;
let admin: UserInfo;
beforeEach(() => {
  t = tempDb();
  admin = addUser(t.ctx, 'admin1', 'admin');
});
afterEach(() => t.close());

describe('editing an account', () => {
  it('changes name, role and department, each change in the audit log with before and after', () => {
    const agent = addUser(t.ctx, 'zhang', 'agent', '客服中心');
    t.clock.advance(1000);
    const edited = updateUser(t.ctx, admin, agent.id, { displayName: '张伟', role: 'supervisor', department: '网络部' });
    expect(edited).toMatchObject({ displayName: '张伟', role: 'supervisor', department: '网络部' });
    const row = t.db.prepare("SELECT at, actor_id AS actor, subject, details FROM audit_log WHERE action = 'user.update'").get();
    expect(row).toEqual({
      at: t.clock.now,
      actor: admin.id,
      subject: 'zhang',
      details: JSON.stringify({ changes: { displayName: ['ZHANG', '张伟'], role: ['agent', 'supervisor'], department: ['客服中心', '网络部'] } }),
    });
  });

  it('refuses a department off the list, but keeps a retired one the account already has', () => {
    const agent = addUser(t.ctx, 'li', 'agent', '市场部');
    lists(t.ctx).setActive(lists(t.ctx).find('department', '市场部')!.id, false);
    expect(updateUser(t.ctx, admin, agent.id, { displayName: '李四', role: 'agent', department: '市场部' }).displayName).toBe('李四');
    expect(refusal(() => updateUser(t.ctx, admin, agent.id, { displayName: '李四', role: 'agent', department: '后勤部' }))).toContain('不在责任部门列表中');
  });

  it('never changes the administrator\'s own role, and never leaves the console without an administrator', () => {
    expect(refusal(() => updateUser(t.ctx, admin, admin.id, { displayName: 'A', role: 'manager', department: null }))).toBe(
      '不能修改自己的角色，请由另一位管理员操作。',
    );
    const second = addUser(t.ctx, 'admin2', 'admin');
    // With two administrators, one may demote the other; then the one left is the last.
    expect(updateUser(t.ctx, admin, second.id, { displayName: 'B', role: 'manager', department: null }).role).toBe('manager');
    const back = updateUser(t.ctx, second, second.id, { displayName: 'B2', role: 'manager', department: null });
    expect(back.displayName).toBe('B2');
    expect(refusal(() => setUserActive(t.ctx, null, admin.id, false))).toBe('这是最后一位在用的管理员，请先把另一位同事设为管理员。');
    expect(t.ctx.read.users.get(admin.id)).toMatchObject({ role: 'admin', active: true });
    expect(t.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'user.update'").pluck().get()).toBe(2);
  });
});

describe('the review list', () => {
  function fixture(): string {
    const file = path.join(t.dir, 'crm.xlsx');
    fs.copyFileSync(FIXTURE, file);
    return file;
  }
  const dropFromLists = () => t.db.prepare("DELETE FROM list_values WHERE name IN ('昆明', '五华区')").run();

  it('imports the rows with the unknown city and district left empty, holds both for review, and fills them once mapped', async () => {
    dropFromLists();
    const dry = await importFile(t.ctx, admin, fixture(), { dryRun: true });
    expect(dry).toMatchObject({ inserted: 2, rejectedRows: 0, held: [{ kind: 'city', raw: '昆明', rows: 2 }, { kind: 'district', raw: '五华区', rows: 2 }] });
    expect(openReviews(t.ctx)).toEqual([]); // a dry run writes nothing, the review list neither

    t.clock.advance(60_000);
    const run = await importFile(t.ctx, admin, fixture(), { sourceName: 'crm.xlsx' });
    expect(run).toMatchObject({ inserted: 2, rejectedRows: 0 });
    const tickets = () => t.db.prepare('SELECT ticket_no AS no, city, district FROM tickets ORDER BY ticket_no').all();
    expect(tickets()).toEqual([{ no: 'Z001', city: null, district: null }, { no: 'Z002', city: null, district: null }]);
    const reviews = openReviews(t.ctx);
    expect(reviews.map((r) => [r.kind, r.raw, r.tickets, r.source, r.firstSeenAt])).toEqual([
      ['city', '昆明', 2, 'crm.xlsx', t.clock.now],
      ['district', '五华区', 2, 'crm.xlsx', t.clock.now],
    ]);
    // Nothing was invented on the lists.
    expect(lists(t.ctx).find('city', '昆明')).toBeUndefined();

    // 五华区 is added as written; 昆明 is mapped to a value the list already has.
    t.db.prepare("INSERT INTO list_values (kind, name) VALUES ('city', '昆明市')").run();
    expect(resolveReview(t.ctx, admin, reviews[1]!.id, { addAs: '五华区' }).tickets).toBe(2);
    expect(refusal(() => resolveReview(t.ctx, admin, reviews[0]!.id, { mapTo: '昆名市' }))).toContain('不在地市列表中');
    expect(resolveReview(t.ctx, admin, reviews[0]!.id, { mapTo: '昆明市' }).tickets).toBe(2);
    expect(tickets()).toEqual([{ no: 'Z001', city: '昆明市', district: '五华区' }, { no: 'Z002', city: '昆明市', district: '五华区' }]);
    expect(openReviews(t.ctx)).toEqual([]);
    const z1 = t.db.prepare("SELECT id FROM tickets WHERE ticket_no = 'Z001'").pluck().get() as number;
    const events = t.ctx.read.tickets.history(z1).filter((e) => e.action === 'list_review');
    // Newest first, as the ticket page shows its history.
    expect(events.map((e) => [e.changes, e.note])).toEqual([[{ city: [null, '昆明市'] }, '昆明'], [{ district: [null, '五华区'] }, '五华区']]);

    // The same file again: the mapping is remembered, nothing is held, nothing changes.
    const again = await importFile(t.ctx, admin, fixture(), { dryRun: true });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 2, held: [] });
  });
});
