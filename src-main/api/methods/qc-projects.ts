/**
 * Contract methods of the improvement projects (QC 课题): every role reads
 * them; supervisors and above open and edit a project, record its causes
 * (fishbone, verdict with evidence) and its countermeasures, and close or
 * reopen it. Targets travel in the KPI's own unit (a fraction for a rate,
 * milliseconds for a duration); the renderer converts from % and hours.
 */
import { z } from 'zod';
import { method } from '../define';
import { PROJECT_KPI_IDS, type ProjectKpiId } from '../../core/qc-projects/kpis';
import { CAUSE_GROUPS, CAUSE_VERDICTS } from '../../core/qc-projects/rules';
import { GRAINS, type Grain } from '../../core/qc-projects/series';
import type { ProjectSummary, ProjectView } from '../../services/qc-projects/projects';
import type { StoredCause, StoredMeasure } from '../../db/qc-project-store';

const id = z.number().int().positive();
/** Checked as a real day by the rules (core/qc-projects/rules.ts), so the message names the field. */
const day = z.string().trim().min(1).max(10);
const words = (max: number) => z.string().trim().max(max);

export const projectInput = z
  .object({
    projectTitle: words(80).min(1),
    kpi: z.enum(PROJECT_KPI_IDS as [ProjectKpiId, ...ProjectKpiId[]]),
    grain: z.enum(GRAINS as [Grain, ...Grain[]]).default('month'),
    baselineFrom: day,
    baselineTo: day,
    startDay: day,
    deadline: day,
    target: z.number().finite(),
    /** One district and/or one department the KPI is measured over (the report's filters); null is the whole branch. */
    district: z.string().trim().max(40).nullable().default(null),
    department: z.string().trim().max(40).nullable().default(null),
    rationale: words(4000).default(''),
    survey: words(4000).default(''),
    consolidation: words(4000).default(''),
  })
  .strict();

const causeInput = {
  causeGroup: z.enum(CAUSE_GROUPS),
  causeText: words(200).min(1),
  verdict: z.enum(CAUSE_VERDICTS).default('unchecked'),
  evidence: words(1000).default(''),
};

const measureInput = {
  causeId: id.nullable().default(null),
  measure: words(500).min(1),
  owner: words(40).min(1),
  dueDay: day,
  done: z.boolean().default(false),
};

export const qcProjectMethods = {
  'qcProjects/list': method<ProjectSummary[]>()('agent', z.object({}).strict()),
  /** A project with its causes, countermeasures, chart and effect, measured now. */
  'qcProjects/get': method<ProjectView>()('agent', z.object({ id }).strict()),
  'qcProjects/create': method<ProjectView>()('supervisor', projectInput),
  'qcProjects/update': method<ProjectView>()('supervisor', projectInput.extend({ id })),
  /** 结题 (closed: true) or reopen. */
  'qcProjects/setClosed': method<ProjectView>()('supervisor', z.object({ id, closed: z.boolean() }).strict()),
  'qcProjects/addCause': method<StoredCause>()('supervisor', z.object({ projectId: id, ...causeInput }).strict()),
  'qcProjects/updateCause': method<StoredCause>()('supervisor', z.object({ id, ...causeInput }).strict()),
  'qcProjects/addMeasure': method<StoredMeasure>()('supervisor', z.object({ projectId: id, ...measureInput }).strict()),
  'qcProjects/updateMeasure': method<StoredMeasure>()('supervisor', z.object({ id, ...measureInput }).strict()),
  /** Deletes a cause; its countermeasures stay, answering no cause. */
  'qcProjects/deleteCause': method<{ deleted: number }>()('supervisor', z.object({ id }).strict()),
  'qcProjects/deleteMeasure': method<{ deleted: number }>()('supervisor', z.object({ id }).strict()),
  /** Deletes a project with its causes and countermeasures; a reason is needed once a cause has a verdict. */
  'qcProjects/delete': method<{ deleted: number }>()('supervisor', z.object({ id, reason: words(500).default('') }).strict()),
};
