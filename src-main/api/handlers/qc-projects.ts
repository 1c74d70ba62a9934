import { needUser, type HandlersOf } from './types';
import type { qcProjectMethods } from '../methods/qc-projects';
import {
  addCause,
  addMeasure,
  createProject,
  deleteCause,
  deleteMeasure,
  deleteProject,
  getProject,
  listProjects,
  setProjectClosed,
  updateCause,
  updateMeasure,
  updateProject,
  type CauseInput,
  type MeasureInput,
  type ProjectInput,
} from '../../services/qc-projects/projects';

type ProjectFields = Omit<ProjectInput, 'title' | 'baseline'> & { projectTitle: string; baselineFrom: string; baselineTo: string };

const project = ({ projectTitle, baselineFrom, baselineTo, ...rest }: ProjectFields): ProjectInput => ({
  ...rest,
  title: projectTitle,
  baseline: { from: baselineFrom, to: baselineTo },
});
const cause = (i: { causeGroup: CauseInput['group']; causeText: string; verdict: CauseInput['verdict']; evidence: string }): CauseInput => ({
  group: i.causeGroup,
  text: i.causeText,
  verdict: i.verdict,
  evidence: i.evidence,
});
const measure = (i: { causeId: number | null; measure: string; owner: string; dueDay: string; done: boolean }): MeasureInput => ({
  causeId: i.causeId,
  what: i.measure,
  owner: i.owner,
  dueDay: i.dueDay,
  done: i.done,
});

export const qcProjectHandlers: HandlersOf<keyof typeof qcProjectMethods> = {
  'qcProjects/list': (_i, env) => listProjects(env.ctx),
  'qcProjects/get': (i, env) => getProject(env.ctx, i.id),
  'qcProjects/create': (i, env) => createProject(env.ctx, needUser(env), project(i)),
  'qcProjects/update': ({ id, ...i }, env) => updateProject(env.ctx, needUser(env), id, project(i)),
  'qcProjects/setClosed': (i, env) => setProjectClosed(env.ctx, needUser(env), i.id, i.closed),
  'qcProjects/addCause': (i, env) => addCause(env.ctx, needUser(env), i.projectId, cause(i)),
  'qcProjects/updateCause': (i, env) => updateCause(env.ctx, needUser(env), i.id, cause(i)),
  'qcProjects/addMeasure': (i, env) => addMeasure(env.ctx, needUser(env), i.projectId, measure(i)),
  'qcProjects/updateMeasure': (i, env) => updateMeasure(env.ctx, needUser(env), i.id, measure(i)),
  'qcProjects/deleteCause': (i, env) => (deleteCause(env.ctx, needUser(env), i.id), { deleted: i.id }),
  'qcProjects/deleteMeasure': (i, env) => (deleteMeasure(env.ctx, needUser(env), i.id), { deleted: i.id }),
  'qcProjects/delete': (i, env) => (deleteProject(env.ctx, needUser(env), i.id, i.reason), { deleted: i.id }),
};
