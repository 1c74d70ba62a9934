/**
 * 0025 (project scope): a version-24 database with a project keeps it as it
 * was, about the whole branch (district and department NULL); a blank
 * district or department is refused by the table itself.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyAt, upgradeTo } from './old-databases';
import { tempDir } from '../../helpers/temp-db';

let dir: string | null = null;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = null;
});

describe('migration 0025_qc_project_scope', () => {
  it('keeps an existing project about the whole branch and refuses a blank scope', () => {
    dir = tempDir();
    const db = emptyAt(dir, 24);
    db.prepare("INSERT INTO users (id, username, display_name, role, password_hash, created_at) VALUES (1, 'boss', 'BOSS', 'supervisor', 'x', 0)").run();
    db.prepare(
      `INSERT INTO qc_projects (title, kpi, grain, baseline_from, baseline_to, start_day, deadline, target, created_at, created_by, updated_at)
       VALUES ('提高及时率', 'timelinessRate', 'month', '2026-08-01', '2026-08-31', '2026-09-01', '2026-09-30', 0.9, 0, 1, 0)`,
    ).run();
    expect(upgradeTo(db, 25)).toBe(25);
    expect(db.prepare('SELECT title, target, district, department FROM qc_projects').all()).toEqual([
      { title: '提高及时率', target: 0.9, district: null, department: null },
    ]);
    expect(() => db.prepare("UPDATE qc_projects SET district = '  '").run()).toThrow(/CHECK/);
    db.prepare("UPDATE qc_projects SET district = '南海区', department = '网络部'").run();
    db.close();
  });
});
