import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../../src-main/services/import/run';
import { addUser, tempDb, type TestDb } from '../../helpers/temp-db';
import type { UserInfo } from '../../../src-main/core/model';
import { GOOD_ROWS, HEADER, count, writeCsv } from './files';

let t: TestDb;
let user: UserInfo;
let changed: number[][];
beforeEach(() => {
  t = tempDb();
  user = addUser(t.ctx, 'zhangsan', 'supervisor');
  changed = [];
  t.ctx.hooks.ticketsChanged.push((_ctx, ids) => changed.push([...ids]));
});
afterEach(() => t.close());

const byNo = (no: string) => t.ctx.read.tickets.get(t.db.prepare('SELECT id FROM tickets WHERE ticket_no = ?').pluck().get(no) as number)!;

describe('upsert on channel + ticket number', () => {
  it('inserts new rows with the importing user as creator and an import event, and tells the hooks', async () => {
    const file = writeCsv(t.dir, 'a.csv', [HEADER, ...GOOD_ROWS]);
    const r = await importFile(t.ctx, user, file);
    expect(r).toMatchObject({ inserted: 3, updated: 0, unchanged: 0, rejected: [] });
    const created = t.db.prepare('SELECT DISTINCT created_by AS c FROM tickets').all();
    expect(created).toEqual([{ c: user.id }]);
    const t1 = byNo('CRM001');
    expect(t.ctx.read.tickets.history(t1.id)).toMatchObject([{ action: 'import_create', actorId: user.id, toStatus: 'in_progress', note: 'a.csv' }]);
    expect(changed.flat().sort()).toEqual(t.db.prepare('SELECT id FROM tickets ORDER BY id').all().map((x) => (x as { id: number }).id));
  });

  it('importing the same file twice changes nothing the second time', async () => {
    const file = writeCsv(t.dir, 'a.csv', [HEADER, ...GOOD_ROWS]);
    await importFile(t.ctx, user, file);
    const before = { tickets: t.db.prepare('SELECT * FROM tickets ORDER BY id').all(), events: count(t.db, 'ticket_events') };
    changed = [];
    const again = await importFile(t.ctx, user, file);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, rejected: [] });
    expect(t.db.prepare('SELECT * FROM tickets ORDER BY id').all()).toEqual(before.tickets);
    expect(count(t.db, 'ticket_events')).toBe(before.events);
    expect(changed).toEqual([]);
  });

  it('updates a changed row and records what changed from what to what', async () => {
    await importFile(t.ctx, user, writeCsv(t.dir, 'a.csv', [HEADER, ...GOOD_ROWS]));
    const v1 = byNo('CRM001').version;
    const changedRow = GOOD_ROWS[0]!.map((c, i) => (i === 9 ? '已办结' : i === 12 ? '2026-11-01 18:00' : i === 10 ? '外包王工' : c));
    changed = [];
    const r = await importFile(t.ctx, user, writeCsv(t.dir, 'b.csv', [HEADER, changedRow, GOOD_ROWS[1]!]));
    expect(r).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    const t1 = byNo('CRM001');
    expect(t1).toMatchObject({ status: 'resolved', resolvedAt: Date.parse('2026-11-01T10:00:00Z'), assigneeId: null, assigneeName: '外包王工', version: v1 + 1 });
    const [event] = t.ctx.read.tickets.history(t1.id);
    expect(event).toMatchObject({
      action: 'import_update',
      actorId: user.id,
      fromStatus: 'in_progress',
      toStatus: 'resolved',
      note: 'b.csv',
      changes: {
        status: ['in_progress', 'resolved'],
        resolvedAt: [null, Date.parse('2026-11-01T10:00:00Z')],
        assigneeId: [user.id, null],
        assigneeName: ['ZHANGSAN', '外包王工'],
      },
    });
    expect(changed).toEqual([[t1.id]]);
  });

  it('a blank level or status keeps the ticket’s own; a column the file lacks changes nothing', async () => {
    await importFile(t.ctx, user, writeCsv(t.dir, 'a.csv', [HEADER, ...GOOD_ROWS]));
    const blank = GOOD_ROWS[0]!.map((c, i) => (i === 8 || i === 9 ? '' : c));
    expect(await importFile(t.ctx, user, writeCsv(t.dir, 'b.csv', [HEADER, blank]))).toMatchObject({ unchanged: 1, updated: 0 });
    const few = [['工单编号', '受理渠道', '受理时间', '客户号码', '投诉类别', '投诉内容'], [0, 1, 2, 3, 6, 7].map((i) => GOOD_ROWS[0]![i]!)];
    expect(await importFile(t.ctx, user, writeCsv(t.dir, 'c.csv', few))).toMatchObject({ unchanged: 1, updated: 0 });
    expect(byNo('CRM001')).toMatchObject({ status: 'in_progress', customerName: '王女士', assigneeId: user.id });
  });

  it('the same number on another channel is another ticket', async () => {
    const other = GOOD_ROWS[0]!.map((c, i) => (i === 1 ? '在线客服' : c));
    expect(await importFile(t.ctx, user, writeCsv(t.dir, 'a.csv', [HEADER, GOOD_ROWS[0]!, other]))).toMatchObject({ inserted: 2 });
  });

  it('refuses a ticket repeated within the file, pointing at the first line', async () => {
    const dup = GOOD_ROWS[0]!.map((c, i) => (i === 7 ? '另一段描述' : c));
    const file = writeCsv(t.dir, 'a.csv', [HEADER, GOOD_ROWS[0]!, GOOD_ROWS[1]!, dup]);
    const r = await importFile(t.ctx, user, file);
    expect(r.inserted).toBe(2);
    expect(r.rejected).toEqual([{ line: 5, column: '工单编号', value: 'CRM001', reason: '与第 2 行是同一工单（渠道 + 工单编号重复）。' }]);
    expect(byNo('CRM001').description).toContain('晚上上网慢');
    expect(await importFile(t.ctx, user, file)).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
  });

  it('a dry run reports the same counts and writes nothing', async () => {
    await importFile(t.ctx, user, writeCsv(t.dir, 'a.csv', [HEADER, GOOD_ROWS[0]!]));
    const changedRow = GOOD_ROWS[0]!.map((c, i) => (i === 4 ? '王女士（VIP）' : c));
    const file = writeCsv(t.dir, 'b.csv', [HEADER, changedRow, GOOD_ROWS[1]!, ['CRM404', 'fax', '', '', '', '', '', '', '', '', '', '', '', '']]);
    const snapshot = () => [t.db.prepare('SELECT * FROM tickets').all(), count(t.db, 'ticket_events')];
    const before = snapshot();
    changed = [];
    const dry = await importFile(t.ctx, user, file, { dryRun: true });
    expect(dry).toMatchObject({ inserted: 1, updated: 1, unchanged: 0 });
    expect(dry.rejectedRows).toBe(1);
    expect(snapshot()).toEqual(before);
    expect(changed).toEqual([]);
    const real = await importFile(t.ctx, user, file);
    expect({ ...real, rejectsFile: null }).toEqual({ ...dry, rejectsFile: null });
  });

  it('marks repeat complaints whatever the order of the rows', async () => {
    const later = GOOD_ROWS[0]!.map((c, i) => (i === 0 ? 'CRM100' : i === 2 ? '2026-11-01 20:00' : i === 11 ? '' : c));
    const earlier = GOOD_ROWS[0]!.map((c, i) => (i === 0 ? 'CRM099' : i === 2 ? '2026-10-20 08:00' : i === 11 ? '' : c));
    await importFile(t.ctx, user, writeCsv(t.dir, 'a.csv', [HEADER, later, earlier]));
    expect(byNo('CRM100').isRepeat).toBe(true);
    expect(byNo('CRM099').isRepeat).toBe(false);
    expect(t.ctx.read.tickets.history(byNo('CRM100').id).map((e) => e.action)).toEqual(['flag_repeat', 'import_create']);
  });
});
