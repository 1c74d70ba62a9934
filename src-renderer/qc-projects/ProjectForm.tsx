/** 开题 / 修改课题: the plan (KPI, baseline, run, target) and the texts of the study's steps. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { useAction } from '../state/useAction';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { ListSelect } from '../components/ListSelect';
import { PROJECT_KPI_IDS, projectKpi, type ProjectKpiId } from '../../src-main/core/qc-projects/kpis';
import { GRAINS, type Grain } from '../../src-main/core/qc-projects/series';
import { kpiName, targetInput, targetValue, formatValue } from './format';
import type { ProjectView, StoredProject } from './types';

interface Props {
  /** The project being edited; absent when opening a new one. */
  project?: StoredProject;
  onDone(view: ProjectView): void;
  onCancel(): void;
}

export function ProjectForm({ project, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(project?.title ?? '');
  const [kpi, setKpi] = useState<ProjectKpiId>(project?.kpi ?? 'timelinessRate');
  const [grain, setGrain] = useState<Grain>(project?.grain ?? 'month');
  const [baselineFrom, setBaselineFrom] = useState(project?.baseline.from ?? '');
  const [baselineTo, setBaselineTo] = useState(project?.baseline.to ?? '');
  const [startDay, setStartDay] = useState(project?.startDay ?? '');
  const [deadline, setDeadline] = useState(project?.deadline ?? '');
  const [target, setTarget] = useState(project ? targetInput(project.kpi, project.target) : '');
  const [district, setDistrict] = useState(project?.district ?? '');
  const [department, setDepartment] = useState(project?.department ?? '');
  const [rationale, setRationale] = useState(project?.rationale ?? '');
  const [survey, setSurvey] = useState(project?.survey ?? '');
  const [consolidation, setConsolidation] = useState(project?.consolidation ?? '');
  const { busy, msg, run } = useAction();
  const def = projectKpi(kpi);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = {
      projectTitle: title,
      kpi,
      grain,
      baselineFrom,
      baselineTo,
      startDay,
      deadline,
      target: targetValue(kpi, target),
      district: district || null,
      department: department || null,
      rationale,
      survey,
      consolidation,
    };
    const view = await run(() => (project ? call('qcProjects/update', { id: project.id, ...input }) : call('qcProjects/create', input)));
    if (view) onDone(view);
  }

  const standard = def.standard ? t('qcProjects.standard', { op: def.standard.op === '>=' ? '≥' : def.standard.op === '<' ? '<' : '≤', value: formatValue(def, def.standard.value, t) }) : null;
  return (
    <form className="panel qc-form no-print" onSubmit={(e) => void submit(e)} aria-label={project ? t('qcProjects.form.edit') : t('qcProjects.open')} data-testid="qc-project-form">
      <h2>{project ? t('qcProjects.form.edit') : t('qcProjects.open')}</h2>
      {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
      <Field label={t('qcProjects.form.title')} required>
        <input value={title} maxLength={80} onChange={(e) => setTitle(e.target.value)} />
      </Field>
      <div className="form-row">
        <Field label={t('qcProjects.form.kpi')} required hint={`${t(`qcProjects.better.${def.better}`)}${standard ? ` · ${standard}` : ''}`}>
          <select value={kpi} onChange={(e) => setKpi(e.target.value as ProjectKpiId)}>
            {PROJECT_KPI_IDS.map((id) => (
              <option key={id} value={id}>
                {kpiName(id, t)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('qcProjects.form.grain')}>
          <select value={grain} onChange={(e) => setGrain(e.target.value as Grain)}>
            {GRAINS.map((g) => (
              <option key={g} value={g}>
                {t(`qcProjects.grain.${g}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={def.unit === 'rate' ? t('qcProjects.form.targetRate') : t('qcProjects.form.targetHours')} required>
          <input inputMode="decimal" value={target} onChange={(e) => setTarget(e.target.value)} />
        </Field>
      </div>
      <div className="form-row">
        <Field label={t('qcProjects.form.baselineFrom')} required>
          <input type="date" value={baselineFrom} onChange={(e) => setBaselineFrom(e.target.value)} />
        </Field>
        <Field label={t('qcProjects.form.baselineTo')} required>
          <input type="date" value={baselineTo} onChange={(e) => setBaselineTo(e.target.value)} />
        </Field>
        <Field label={t('qcProjects.form.startDay')} required>
          <input type="date" value={startDay} onChange={(e) => setStartDay(e.target.value)} />
        </Field>
        <Field label={t('qcProjects.form.deadline')} required>
          <input type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
        </Field>
      </div>
      <div className="form-row">
        <Field label={t('qcProjects.form.district')} hint={t('qcProjects.form.scopeHint')}>
          <ListSelect kind="district" value={district} onChange={setDistrict} blank={t('qcProjects.form.wholeBranch')} data-field="district" />
        </Field>
        <Field label={t('qcProjects.form.department')}>
          <ListSelect kind="department" value={department} onChange={setDepartment} blank={t('qcProjects.form.wholeBranch')} data-field="department" />
        </Field>
      </div>
      <Field label={t('qcProjects.form.rationale')}>
        <textarea value={rationale} maxLength={4000} rows={2} onChange={(e) => setRationale(e.target.value)} />
      </Field>
      <Field label={t('qcProjects.form.survey')}>
        <textarea value={survey} maxLength={4000} rows={2} onChange={(e) => setSurvey(e.target.value)} />
      </Field>
      {project && (
        <Field label={t('qcProjects.form.consolidation')}>
          <textarea value={consolidation} maxLength={4000} rows={2} onChange={(e) => setConsolidation(e.target.value)} />
        </Field>
      )}
      <div className="form-actions">
        <button type="submit" className="btn primary" disabled={busy}>
          {project ? t('qcProjects.form.save') : t('qcProjects.form.create')}
        </button>
        <button type="button" className="btn" onClick={onCancel} disabled={busy}>
          {t('qcProjects.form.cancel')}
        </button>
      </div>
    </form>
  );
}
