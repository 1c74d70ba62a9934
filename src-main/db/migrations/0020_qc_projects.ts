/**
 * Improvement projects (QC 课题): a project on one KPI with its baseline
 * period, start, deadline and target, and the texts of the study's steps
 * (选题理由, 现状调查, 巩固措施); its causes in the fishbone's five groups, each
 * with its verdict (要因确认) and evidence; its countermeasures with owner,
 * due day and when they were done. Days are the branch's local days
 * (YYYY-MM-DD); instants UTC epoch milliseconds.
 */
export const name = 'qc_projects';

export const sql = `
CREATE TABLE qc_projects (
  id             INTEGER PRIMARY KEY,
  title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
  kpi            TEXT NOT NULL,
  grain          TEXT NOT NULL CHECK (grain IN ('month','week')),
  baseline_from  TEXT NOT NULL,
  baseline_to    TEXT NOT NULL,
  start_day      TEXT NOT NULL,
  deadline       TEXT NOT NULL,
  target         REAL NOT NULL,
  rationale      TEXT NOT NULL DEFAULT '',
  survey         TEXT NOT NULL DEFAULT '',
  consolidation  TEXT NOT NULL DEFAULT '',
  closed_at      INTEGER,
  created_at     INTEGER NOT NULL,
  created_by     INTEGER NOT NULL REFERENCES users(id),
  updated_at     INTEGER NOT NULL,
  CHECK (baseline_from <= baseline_to AND baseline_to < start_day AND start_day <= deadline)
) STRICT;

CREATE TABLE qc_project_causes (
  id          INTEGER PRIMARY KEY,
  project_id  INTEGER NOT NULL REFERENCES qc_projects(id),
  grp         TEXT NOT NULL CHECK (grp IN ('man','machine','material','method','environment')),
  text        TEXT NOT NULL CHECK (length(trim(text)) > 0),
  verdict     TEXT NOT NULL DEFAULT 'unchecked' CHECK (verdict IN ('unchecked','confirmed','ruled_out')),
  evidence    TEXT NOT NULL DEFAULT '',
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  CHECK (verdict = 'unchecked' OR length(trim(evidence)) > 0)
) STRICT;
CREATE INDEX qc_project_causes_project ON qc_project_causes(project_id);

CREATE TABLE qc_project_measures (
  id          INTEGER PRIMARY KEY,
  project_id  INTEGER NOT NULL REFERENCES qc_projects(id),
  cause_id    INTEGER REFERENCES qc_project_causes(id),
  what        TEXT NOT NULL CHECK (length(trim(what)) > 0),
  owner       TEXT NOT NULL CHECK (length(trim(owner)) > 0),
  due_day     TEXT NOT NULL,
  done_at     INTEGER,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX qc_project_measures_project ON qc_project_measures(project_id);
`;
