/**
 * 0021 (kept lists): a version-20 database whose tickets and accounts carry
 * departments, cities and districts as free text gains the lists, filled with
 * each distinct value once (spaces at the ends dropped, blanks left out, a
 * department named only among a ticket's collaborators included), the empty
 * review list and the empty store of header mappings; nothing else changes.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, AGENT, allRows, emptyAt, fillV1, upgradeTo } from './old-databases';
import { tempDir } from '../../helpers/temp-db';

let dir: string | null = null;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = null;
});

describe('migration 0021_reference_lists', () => {
  it('fills the lists from the values already written, each once', () => {
    dir = tempDir();
    const db = emptyAt(dir, 20);
    fillV1(db);
    const set = db.prepare('UPDATE tickets SET department = ?, city = ?, district = ?, collaborators = ? WHERE id = ?');
    set.run('网络部', '佛山', '禅城区', '["计费中心"]', 1);
    set.run(' 网络部 ', '佛山', '南海区', '[]', 2);
    set.run('网络部门', '  ', '', '["网络部","客服中心"]', 3);
    set.run(null, null, null, '[]', 4);
    db.prepare('UPDATE users SET department = ? WHERE id = ?').run('政企部', ADMIN);
    db.prepare('UPDATE users SET department = ? WHERE id = ?').run('', AGENT);
    const before = allRows(db);

    expect(upgradeTo(db, 21)).toBe(21);

    expect(db.prepare('SELECT kind, name, active FROM list_values ORDER BY kind, name').all()).toEqual([
      { kind: 'city', name: '佛山', active: 1 },
      { kind: 'department', name: '客服中心', active: 1 },
      { kind: 'department', name: '政企部', active: 1 },
      { kind: 'department', name: '网络部', active: 1 },
      { kind: 'department', name: '网络部门', active: 1 },
      { kind: 'department', name: '计费中心', active: 1 },
      { kind: 'district', name: '南海区', active: 1 },
      { kind: 'district', name: '禅城区', active: 1 },
    ]);
    expect(allRows(db).tickets).toEqual(before.tickets);
    expect(db.prepare('SELECT count(*) AS n FROM list_reviews').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM import_header_maps').get()).toEqual({ n: 0 });
    // A value is on a list once: the same name cannot be added twice.
    expect(() => db.prepare("INSERT INTO list_values (kind, name) VALUES ('department', '网络部')").run()).toThrow(/UNIQUE/);
    db.close();
  });
});
