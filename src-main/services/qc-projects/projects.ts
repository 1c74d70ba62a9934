/**
 * Improvement projects (QC 课题): supervisors open and edit them, record the
 * causes of the fishbone with their verdicts and the countermeasures; every
 * role reads them. Each change is one transaction with its audit entry
 * (action `qc.…`, subject `qc_project:<id>`), and a closed project (结题)
 * takes no change until it is reopened.
 */
import type { ServiceContext } from '../context';
import { inTransaction } from '../context';
import type { UserInfo } from '../../core/model';
import { DomainError } from '../../core/errors';
import { dayProblem, deleteProblem, planProblem, verdictProblem, type CauseGroup, type CauseVerdict, type PlanProblem, type ProjectPlan } from '../../core/qc-projects/rules';
import { QcProjectStore, type ProjectTexts, type StoredCause, type StoredMeasure, type StoredProject } from '../../db/qc-project-store';
import { branchToday, projectChart, type ProjectChart } from './chart';
import { chosenValue } from '../lists';

export type ProjectInput = ProjectPlan & ProjectTexts;

export interface CauseInput {
  group: CauseGroup;
  text: string;
  verdict: CauseVerdict;
  evidence: string;
}

export interface MeasureInput {
  causeId: number | null;
  what: string;
  owner: string;
  dueDay: string;
  done: boolean;
}

export interface ProjectSummary extends StoredProject {
  causes: number;
  confirmedCauses: number;
  measures: number;
  measuresDone: number;
}

export interface ProjectView {
  project: StoredProject;
  causes: StoredCause[];
  measures: StoredMeasure[];
  chart: ProjectChart;
}

const subject = (id: number) => `qc_project:${id}`;
const refuse = (p: PlanProblem) => new DomainError('qc_project_invalid', { field: p.field, why: p.why });

function openProject(store: QcProjectStore, id: number): StoredProject {
  const p = store.byId(id);
  if (!p) throw new DomainError('not_found', { what: '课题', id });
  if (p.closedAt !== null) throw new DomainError('qc_project_invalid', { why: 'closed' });
  return p;
}

/**
 * The plan's rules, and its district and department against the kept lists
 * (as every form's): a value no longer on the list may stay on a project
 * that had it, not be chosen anew. Returns the input with them as stored.
 */
function checkPlan(ctx: ServiceContext, input: ProjectInput, before?: StoredProject): ProjectInput {
  const problem = planProblem(input, branchToday(ctx));
  if (problem) throw refuse(problem);
  const scope = (kind: 'district' | 'department') => {
    const typed = input[kind]?.trim() || null;
    return typed !== null && typed === before?.[kind] ? typed : chosenValue(ctx, kind, typed);
  };
  return { ...input, district: scope('district'), department: scope('department') };
}

const planOf = (i: ProjectInput): ProjectPlan => ({
  title: i.title,
  kpi: i.kpi,
  grain: i.grain,
  baseline: { ...i.baseline },
  startDay: i.startDay,
  deadline: i.deadline,
  target: i.target,
  district: i.district ?? null,
  department: i.department ?? null,
});
const textsOf = (i: ProjectInput): ProjectTexts => ({ rationale: i.rationale, survey: i.survey, consolidation: i.consolidation });

export function listProjects(ctx: ServiceContext): ProjectSummary[] {
  const store = new QcProjectStore(ctx.db);
  return ctx.db.transaction(() =>
    store.list().map((p) => {
      const causes = store.causes(p.id);
      const measures = store.measures(p.id);
      return {
        ...p,
        causes: causes.length,
        confirmedCauses: causes.filter((c) => c.verdict === 'confirmed').length,
        measures: measures.length,
        measuresDone: measures.filter((m) => m.doneAt !== null).length,
      };
    }),
  )();
}

export function getProject(ctx: ServiceContext, id: number): ProjectView {
  const store = new QcProjectStore(ctx.db);
  return ctx.db.transaction((): ProjectView => {
    const project = store.byId(id);
    if (!project) throw new DomainError('not_found', { what: '课题', id });
    return { project, causes: store.causes(id), measures: store.measures(id), chart: projectChart(ctx, project) };
  })();
}

export function createProject(ctx: ServiceContext, user: UserInfo, typed: ProjectInput): ProjectView {
  const input = checkPlan(ctx, typed);
  const id = inTransaction(ctx, () => {
    const at = ctx.now();
    const id = new QcProjectStore(ctx.db).insert(planOf(input), textsOf(input), at, user.id);
    ctx.audit.add(at, user.id, 'qc.project_created', subject(id), { ...planOf(input) });
    return id;
  });
  return getProject(ctx, id);
}

export function updateProject(ctx: ServiceContext, user: UserInfo, id: number, typed: ProjectInput): ProjectView {
  inTransaction(ctx, () => {
    const store = new QcProjectStore(ctx.db);
    const before = openProject(store, id);
    const input = checkPlan(ctx, typed, before);
    const at = ctx.now();
    store.update(id, planOf(input), textsOf(input), at);
    // What changed, as before → after, so the audit log alone tells the story of a target moved.
    const changed: Record<string, { from: unknown; to: unknown }> = {};
    const after: Record<string, unknown> = { ...planOf(input), ...textsOf(input) };
    for (const [k, v] of Object.entries(after)) {
      const old: unknown = before[k as keyof StoredProject];
      if (JSON.stringify(old) !== JSON.stringify(v)) changed[k] = { from: old, to: v };
    }
    ctx.audit.add(at, user.id, 'qc.project_updated', subject(id), { changed });
  });
  return getProject(ctx, id);
}

/** 结题 (closed: true) or reopen (false). */
export function setProjectClosed(ctx: ServiceContext, user: UserInfo, id: number, closed: boolean): ProjectView {
  inTransaction(ctx, () => {
    const store = new QcProjectStore(ctx.db);
    const p = store.byId(id);
    if (!p) throw new DomainError('not_found', { what: '课题', id });
    if ((p.closedAt !== null) === closed) return;
    const at = ctx.now();
    store.setClosed(id, closed ? at : null, at);
    ctx.audit.add(at, user.id, closed ? 'qc.project_closed' : 'qc.project_reopened', subject(id), {});
  });
  return getProject(ctx, id);
}

function checkCause(input: CauseInput): void {
  const problem = verdictProblem(input.verdict, input.evidence);
  if (problem) throw refuse(problem);
}

export function addCause(ctx: ServiceContext, user: UserInfo, projectId: number, input: CauseInput): StoredCause {
  checkCause(input);
  return inTransaction(ctx, () => {
    const store = new QcProjectStore(ctx.db);
    openProject(store, projectId);
    const at = ctx.now();
    const id = store.insertCause(projectId, input, at);
    ctx.audit.add(at, user.id, 'qc.cause_added', subject(projectId), { causeId: id, ...input });
    return store.cause(id)!;
  });
}

export function updateCause(ctx: ServiceContext, user: UserInfo, causeId: number, input: CauseInput): StoredCause {
  checkCause(input);
  return inTransaction(ctx, () => {
    const store = new QcProjectStore(ctx.db);
    const before = store.cause(causeId);
    if (!before) throw new DomainError('not_found', { what: '原因', id: causeId });
    openProject(store, before.projectId);
    const at = ctx.now();
    store.updateCause(causeId, input, at);
    ctx.audit.add(at, user.id, 'qc.cause_updated', subject(before.projectId), {
      causeId,
      from: { group: before.group, text: before.text, verdict: before.verdict, evidence: before.evidence },
      to: input,
    });
    return store.cause(causeId)!;
  });
}

function checkMeasureCause(store: QcProjectStore, projectId: number, causeId: number | null): void {
  if (causeId === null) return;
  const cause = store.cause(causeId);
  if (!cause || cause.projectId !== projectId) throw new DomainError('qc_project_invalid', { field: 'causeId', why: 'cause_elsewhere' });
}

function checkDueDay(dueDay: string): void {
  const problem = dayProblem('dueDay', dueDay);
  if (problem) throw refuse(problem);
}

export function addMeasure(ctx: ServiceContext, user: UserInfo, projectId: number, input: MeasureInput): StoredMeasure {
  checkDueDay(input.dueDay);
  return inTransaction(ctx, () => {
    const store = new QcProjectStore(ctx.db);
    openProject(store, projectId);
    checkMeasureCause(store, projectId, input.causeId);
    const at = ctx.now();
    const id = store.insertMeasure(projectId, input, at);
    if (input.done) store.updateMeasure(id, { ...input, doneAt: at }, at);
    ctx.audit.add(at, user.id, 'qc.measure_added', subject(projectId), { measureId: id, ...input });
    return store.measure(id)!;
  });
}

/** Change a countermeasure; marking it done records when (对策实施), marking it not done clears that. */
export function updateMeasure(ctx: ServiceContext, user: UserInfo, measureId: number, input: MeasureInput): StoredMeasure {
  checkDueDay(input.dueDay);
  return inTransaction(ctx, () => {
    const store = new QcProjectStore(ctx.db);
    const before = store.measure(measureId);
    if (!before) throw new DomainError('not_found', { what: '对策', id: measureId });
    openProject(store, before.projectId);
    checkMeasureCause(store, before.projectId, input.causeId);
    const at = ctx.now();
    const doneAt = input.done ? (before.doneAt ?? at) : null;
    store.updateMeasure(measureId, { ...input, doneAt }, at);
    ctx.audit.add(at, user.id, 'qc.measure_updated', subject(before.projectId), {
      measureId,
      from: { causeId: before.causeId, what: before.what, owner: before.owner, dueDay: before.dueDay, done: before.doneAt !== null },
      to: input,
    });
    return store.measure(measureId)!;
  });
}

/** Deletes a cause of an open project; the countermeasures that answered it stay, answering none (named in the audit entry). */
export function deleteCause(ctx: ServiceContext, user: UserInfo, causeId: number): void {
  inTransaction(ctx, () => {
    const store = new QcProjectStore(ctx.db);
    const cause = store.cause(causeId);
    if (!cause) throw new DomainError('not_found', { what: '原因', id: causeId });
    openProject(store, cause.projectId);
    const detached = store.measures(cause.projectId).filter((m) => m.causeId === causeId).map((m) => m.id);
    store.deleteCause(causeId);
    const { updatedAt: _, ...kept } = cause;
    ctx.audit.add(ctx.now(), user.id, 'qc.cause_deleted', subject(cause.projectId), { cause: kept, detachedMeasures: detached });
  });
}

export function deleteMeasure(ctx: ServiceContext, user: UserInfo, measureId: number): void {
  inTransaction(ctx, () => {
    const store = new QcProjectStore(ctx.db);
    const measure = store.measure(measureId);
    if (!measure) throw new DomainError('not_found', { what: '对策', id: measureId });
    openProject(store, measure.projectId);
    store.deleteMeasure(measureId);
    const { updatedAt: _, ...kept } = measure;
    ctx.audit.add(ctx.now(), user.id, 'qc.measure_deleted', subject(measure.projectId), { measure: kept });
  });
}

/**
 * Deletes an open project with its causes and countermeasures, all or
 * nothing. One whose causes carry verdicts needs a reason. The audit entry
 * keeps the whole project, so nothing is lost to the record.
 */
export function deleteProject(ctx: ServiceContext, user: UserInfo, id: number, reason: string): void {
  inTransaction(ctx, () => {
    const store = new QcProjectStore(ctx.db);
    const project = openProject(store, id);
    const causes = store.causes(id);
    const problem = deleteProblem(causes.filter((c) => c.verdict !== 'unchecked').length, reason);
    if (problem) throw refuse(problem);
    const measures = store.measures(id);
    store.deleteProject(id);
    ctx.audit.add(ctx.now(), user.id, 'qc.project_deleted', subject(id), { reason: reason.trim(), project, causes, measures });
  });
}
