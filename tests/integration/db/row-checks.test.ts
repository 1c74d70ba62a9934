/**
 * Rows are checked, not cast (db/rows.ts): a value of the wrong kind, a code
 * the console does not know, or a column the SQL no longer gives fails naming
 * the statement and the column — through zod, and through the hand check the
 * hot reads use (the list's page, the month export, the import's staging).
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { allKindChecked, allRows, eachKindChecked, int, RowShapeError, textOrNull, type ColumnKinds } from '../../../src-main/db/rows';

interface Row {
  id: number;
  name: string | null;
  status: string;
  share: number | null;
}
const KINDS: ColumnKinds<Row> = [
  ['id', 'int'],
  ['name', 'text?'],
  ['status', new Set<string | null>(['open', 'closed'])],
  ['share', 'num?'],
];

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.exec(`CREATE TABLE t (id, name, status, share);
    INSERT INTO t VALUES (1, '甲', 'open', 0.5), (2, NULL, 'closed', NULL);`);
});
afterEach(() => db.close());

describe('row checks', () => {
  it('pass rows of the stated kinds through unchanged', () => {
    const stmt = db.prepare('SELECT id, name, status, share FROM t ORDER BY id');
    const expected = [
      { id: 1, name: '甲', status: 'open', share: 0.5 },
      { id: 2, name: null, status: 'closed', share: null },
    ];
    expect(allKindChecked(KINDS, stmt)).toEqual(expected);
    expect([...eachKindChecked(KINDS, stmt)]).toEqual(expected);
    expect(allRows(z.object({ id: int, name: textOrNull }), db.prepare('SELECT id, name FROM t ORDER BY id'))).toEqual([
      { id: 1, name: '甲' },
      { id: 2, name: null },
    ]);
  });

  it('refuse text where a number belongs, an unknown code and a missing column, naming the column', () => {
    db.exec(`INSERT INTO t VALUES ('3', 'x', 'open', 1)`);
    expect(() => allKindChecked(KINDS, db.prepare('SELECT id, name, status, share FROM t'))).toThrow(/id: unexpected "3"/);
    db.exec(`DELETE FROM t WHERE id = '3'; INSERT INTO t VALUES (4, 'x', 'voided', 1)`);
    expect(() => [...eachKindChecked(KINDS, db.prepare('SELECT id, name, status, share FROM t'))]).toThrow(/status: unexpected "voided"/);
    const missing = () => allKindChecked(KINDS, db.prepare('SELECT id, status, share FROM t WHERE id = 1'));
    expect(missing).toThrow(RowShapeError);
    expect(missing).toThrow(/SELECT id, status, share FROM t.*name: unexpected undefined/);
    expect(() => allRows(z.object({ id: int }), db.prepare(`SELECT 'x' AS id`))).toThrow(RowShapeError);
  });
});
