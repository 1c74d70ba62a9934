/** The projects' shapes, as types only (the contract's outputs). */
import type { OutputOf } from '../api/types';

export type ProjectView = OutputOf<'qcProjects/get'>;
export type ProjectSummary = OutputOf<'qcProjects/list'>[number];
export type StoredProject = ProjectView['project'];
export type StoredCause = ProjectView['causes'][number];
export type StoredMeasure = ProjectView['measures'][number];
export type ProjectChart = ProjectView['chart'];
