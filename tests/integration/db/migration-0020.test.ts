/**
 * 0020 (improvement projects): a version-19 database with tickets in every
 * status gains the three empty project tables; the tickets are untouched, and
 * the tables themselves refuse dates out of order, a cause outside the five
 * groups and a verdict without its evidence.
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

describe('migration 0020_qc_projects', () => {
  it('adds empty project, cause and countermeasure tables that keep their own rules', () => {
    dir = tempDir();
    const db = emptyAt(dir, 19);
    fillV1(db);
    const before = allRows(db);
    expect(upgradeTo(db, 20)).toBe(20);
    expect(allRows(db).tickets).toEqual(before.tickets);
    for (const table of ['qc_projects', 'qc_project_causes', 'qc_project_measures']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    }
    const user = (db.prepare('SELECT id FROM users LIMIT 1').get() as { id: number }).id;
    const project = db.prepare(`INSERT INTO qc_projects (title, kpi, grain, baseline_from, baseline_to, start_day, deadline, target, created_at, created_by, updated_at)
      VALUES ('提高及时率', 'timelinessRate', 'month', @bf, @bt, @s, @d, 0.925, 1, ${user}, 1)`);
    expect(() => project.run({ bf: '2026-04-01', bt: '2026-07-31', s: '2026-07-15', d: '2026-12-31' })).toThrow(/CHECK/);
    const id = Number(project.run({ bf: '2026-04-01', bt: '2026-07-31', s: '2026-08-01', d: '2026-12-31' }).lastInsertRowid);
    const cause = db.prepare(`INSERT INTO qc_project_causes (project_id, grp, text, verdict, evidence, created_at, updated_at) VALUES (${id}, ?, '监控组轮巡无专人', ?, ?, 1, 1)`);
    expect(() => cause.run('measurement', 'unchecked', '')).toThrow(/CHECK/);
    expect(() => cause.run('method', 'confirmed', '  ')).toThrow(/CHECK/);
    expect(cause.run('method', 'confirmed', '轮巡导致延迟的占 40%').changes).toBe(1);
    db.close();
  });
});
