/** Improvement projects (QC 课题), their causes and their countermeasures (migration 0020). */
import { z } from 'zod';
import type { Db } from './open';
import { allRows, int, intOrNull, oneRow, text } from './rows';
import { PROJECT_KPI_IDS, type ProjectKpiId } from '../core/qc-projects/kpis';
import { CAUSE_GROUPS, CAUSE_VERDICTS, type CauseGroup, type CauseVerdict, type ProjectPlan } from '../core/qc-projects/rules';
import { GRAINS } from '../core/qc-projects/series';

export interface ProjectTexts {
  rationale: string;
  survey: string;
  consolidation: string;
}

export interface StoredProject extends ProjectPlan, ProjectTexts {
  id: number;
  closedAt: number | null;
  createdAt: number;
  createdBy: number;
  createdByName: string;
  updatedAt: number;
}

export interface StoredCause {
  id: number;
  projectId: number;
  group: CauseGroup;
  text: string;
  verdict: CauseVerdict;
  evidence: string;
  updatedAt: number;
}

export interface StoredMeasure {
  id: number;
  projectId: number;
  causeId: number | null;
  what: string;
  owner: string;
  dueDay: string;
  doneAt: number | null;
  updatedAt: number;
}

const ProjectRow = z
  .object({
    id: int,
    title: text,
    kpi: z.enum(PROJECT_KPI_IDS as [ProjectKpiId, ...ProjectKpiId[]]),
    grain: z.enum(GRAINS as ['month', 'week']),
    baselineFrom: text,
    baselineTo: text,
    startDay: text,
    deadline: text,
    target: z.number(),
    rationale: text,
    survey: text,
    consolidation: text,
    district: text.nullable(),
    department: text.nullable(),
    closedAt: intOrNull,
    createdAt: int,
    createdBy: int,
    createdByName: text,
    updatedAt: int,
  })
  .transform(({ baselineFrom, baselineTo, ...r }): StoredProject => ({ ...r, baseline: { from: baselineFrom, to: baselineTo } }));

const CauseRow: z.ZodType<StoredCause> = z.object({
  id: int,
  projectId: int,
  group: z.enum(CAUSE_GROUPS),
  text,
  verdict: z.enum(CAUSE_VERDICTS),
  evidence: text,
  updatedAt: int,
});

const MeasureRow: z.ZodType<StoredMeasure> = z.object({
  id: int,
  projectId: int,
  causeId: intOrNull,
  what: text,
  owner: text,
  dueDay: text,
  doneAt: intOrNull,
  updatedAt: int,
});

const PROJECT_SELECT = `SELECT p.id, p.title, p.kpi, p.grain, p.baseline_from AS baselineFrom, p.baseline_to AS baselineTo,
  p.start_day AS startDay, p.deadline, p.target, p.rationale, p.survey, p.consolidation, p.district, p.department, p.closed_at AS closedAt,
  p.created_at AS createdAt, p.created_by AS createdBy, u.display_name AS createdByName, p.updated_at AS updatedAt
  FROM qc_projects p JOIN users u ON u.id = p.created_by`;
const CAUSE_SELECT = `SELECT id, project_id AS projectId, grp AS "group", text, verdict, evidence, updated_at AS updatedAt FROM qc_project_causes`;
const MEASURE_SELECT = `SELECT id, project_id AS projectId, cause_id AS causeId, what, owner, due_day AS dueDay, done_at AS doneAt,
  updated_at AS updatedAt FROM qc_project_measures`;

const planRow = (p: ProjectPlan) => ({
  title: p.title,
  kpi: p.kpi,
  grain: p.grain,
  from: p.baseline.from,
  to: p.baseline.to,
  startDay: p.startDay,
  deadline: p.deadline,
  target: p.target,
  district: p.district ?? null,
  department: p.department ?? null,
});

export class QcProjectStore {
  constructor(private readonly db: Db) {}

  /** Every project, the newest first. */
  list(): StoredProject[] {
    return allRows(ProjectRow, this.db.prepare(`${PROJECT_SELECT} ORDER BY p.id DESC`));
  }

  byId(id: number): StoredProject | undefined {
    return oneRow(ProjectRow, this.db.prepare(`${PROJECT_SELECT} WHERE p.id = ?`), id);
  }

  insert(plan: ProjectPlan, texts: ProjectTexts, at: number, by: number): number {
    const r = this.db
      .prepare(
        `INSERT INTO qc_projects (title, kpi, grain, baseline_from, baseline_to, start_day, deadline, target, district, department,
           rationale, survey, consolidation, created_at, created_by, updated_at)
         VALUES (@title, @kpi, @grain, @from, @to, @startDay, @deadline, @target, @district, @department,
           @rationale, @survey, @consolidation, @at, @by, @at)`,
      )
      .run({ ...planRow(plan), ...texts, at, by });
    return Number(r.lastInsertRowid);
  }

  update(id: number, plan: ProjectPlan, texts: ProjectTexts, at: number): void {
    this.db
      .prepare(
        `UPDATE qc_projects SET title = @title, kpi = @kpi, grain = @grain, baseline_from = @from, baseline_to = @to, start_day = @startDay,
           deadline = @deadline, target = @target, district = @district, department = @department,
           rationale = @rationale, survey = @survey, consolidation = @consolidation, updated_at = @at
         WHERE id = @id`,
      )
      .run({ ...planRow(plan), ...texts, at, id });
  }

  setClosed(id: number, closedAt: number | null, at: number): void {
    this.db.prepare('UPDATE qc_projects SET closed_at = ?, updated_at = ? WHERE id = ?').run(closedAt, at, id);
  }

  causes(projectId: number): StoredCause[] {
    return allRows(CauseRow, this.db.prepare(`${CAUSE_SELECT} WHERE project_id = ? ORDER BY id`), projectId);
  }

  cause(id: number): StoredCause | undefined {
    return oneRow(CauseRow, this.db.prepare(`${CAUSE_SELECT} WHERE id = ?`), id);
  }

  insertCause(projectId: number, c: { group: CauseGroup; text: string; verdict: CauseVerdict; evidence: string }, at: number): number {
    const r = this.db
      .prepare(
        `INSERT INTO qc_project_causes (project_id, grp, text, verdict, evidence, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(projectId, c.group, c.text, c.verdict, c.evidence, at, at);
    return Number(r.lastInsertRowid);
  }

  updateCause(id: number, c: { group: CauseGroup; text: string; verdict: CauseVerdict; evidence: string }, at: number): void {
    this.db
      .prepare('UPDATE qc_project_causes SET grp = ?, text = ?, verdict = ?, evidence = ?, updated_at = ? WHERE id = ?')
      .run(c.group, c.text, c.verdict, c.evidence, at, id);
  }

  /** Deletes one cause; the countermeasures that answered it stay, answering no cause. */
  deleteCause(id: number): void {
    this.db.prepare('UPDATE qc_project_measures SET cause_id = NULL WHERE cause_id = ?').run(id);
    this.db.prepare('DELETE FROM qc_project_causes WHERE id = ?').run(id);
  }

  deleteMeasure(id: number): void {
    this.db.prepare('DELETE FROM qc_project_measures WHERE id = ?').run(id);
  }

  /** Deletes a project with its countermeasures and causes (the caller holds the transaction: all or nothing). */
  deleteProject(id: number): void {
    this.db.prepare('DELETE FROM qc_project_measures WHERE project_id = ?').run(id);
    this.db.prepare('DELETE FROM qc_project_causes WHERE project_id = ?').run(id);
    this.db.prepare('DELETE FROM qc_projects WHERE id = ?').run(id);
  }

  measures(projectId: number): StoredMeasure[] {
    return allRows(MeasureRow, this.db.prepare(`${MEASURE_SELECT} WHERE project_id = ? ORDER BY due_day, id`), projectId);
  }

  measure(id: number): StoredMeasure | undefined {
    return oneRow(MeasureRow, this.db.prepare(`${MEASURE_SELECT} WHERE id = ?`), id);
  }

  insertMeasure(projectId: number, m: { causeId: number | null; what: string; owner: string; dueDay: string }, at: number): number {
    const r = this.db
      .prepare(
        `INSERT INTO qc_project_measures (project_id, cause_id, what, owner, due_day, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(projectId, m.causeId, m.what, m.owner, m.dueDay, at, at);
    return Number(r.lastInsertRowid);
  }

  updateMeasure(id: number, m: { causeId: number | null; what: string; owner: string; dueDay: string; doneAt: number | null }, at: number): void {
    this.db
      .prepare('UPDATE qc_project_measures SET cause_id = ?, what = ?, owner = ?, due_day = ?, done_at = ?, updated_at = ? WHERE id = ?')
      .run(m.causeId, m.what, m.owner, m.dueDay, m.doneAt, at, id);
  }
}
