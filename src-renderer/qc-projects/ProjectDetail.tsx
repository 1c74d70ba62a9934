/**
 * One project as the QC study's nine steps: 选题理由, 现状调查 (with the baseline
 * measured), 目标设定, 原因分析 (fishbone), 要因确认, 对策制定, 对策实施, 效果检查
 * (chart and numbers) and 巩固措施. Supervisors edit; everyone reads and prints.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { Alert } from '../components/Alert';
import { useQuery } from '../state/useQuery';
import { useAction } from '../state/useAction';
import { useBranch, useUser } from '../state/session';
import { formatDateTime } from '../lib/time';
import { mayCall } from '../lib/access';
import { printReport } from '../reports/print';
import { ProjectForm } from './ProjectForm';
import { ProjectChartView } from './ProjectChartView';
import { EffectSummary } from './EffectSummary';
import { AddCauseForm, Fishbone, VerdictTable } from './CauseSections';
import { AddMeasureForm, MeasureTable } from './MeasureSections';
import { formatValue, kpiName, scopeText } from './format';
import { DeleteButton } from './DeleteButton';
import { navigate } from '../state/route';

/** One step of the study; `pageStart` begins a printed page with it. */
function Step({ title, children, className, pageStart }: { title: string; children: ReactNode; className?: string; pageStart?: boolean }) {
  const section = (
    <section className={`panel qc-step${className ? ` ${className}` : ''}`}>
      <h2>{title}</h2>
      {children}
    </section>
  );
  return pageStart ? <div className="qc-page-start">{section}</div> : section;
}

function Text({ value }: { value: string }) {
  const { t } = useTranslation();
  return value.trim() ? <p className="qc-text">{value}</p> : <p className="muted">{t('qcProjects.empty')}</p>;
}

export function ProjectDetail({ id }: { id: number }) {
  const { t } = useTranslation();
  const user = useUser();
  const branch = useBranch();
  const q = useQuery('qcProjects/get', { id });
  const [editing, setEditing] = useState(false);
  const closing = useAction();
  const printing = useAction();
  const v = q.data;
  if (q.error && !v) return <div className="page qc-project"><Alert kind="error">{q.error}</Alert></div>;
  if (!v) return <div className="page qc-project" />;

  const { project, causes, measures, chart } = v;
  const kpi = chart.kpi;
  const name = kpiName(project.kpi, t);
  const closed = project.closedAt !== null;
  const editable = !closed && mayCall(user.role, 'qcProjects/update');
  const grainLabel = t(`qcProjects.grain.${project.grain}`);
  const runningTitle = t('qcProjects.runningTitle', { branch: branch.branchName || branch.branchId, title: project.title });
  const done = measures.filter((m) => m.doneAt !== null).length;
  const scope = scopeText(project, t);
  const baselineTally = kpi.unit === 'rate' ? `${chart.effect.baseline.tally.num} / ${chart.effect.baseline.tally.den}` : `n = ${chart.effect.baseline.tally.den}`;

  const print = () =>
    void printing.run(() => printReport(`QC-${project.title}`, { title: runningTitle, pageLabel: t('qcProjects.pageOf') }), {
      doing: true,
      ok: (r) => (r.kind === 'saved' ? t('qcProjects.savedPdf', { path: r.path }) : ''),
    });
  const setClosed = (next: boolean) =>
    void closing.run(() => call('qcProjects/setClosed', { id, closed: next })).then((r) => {
      if (r) q.set(r);
    });

  return (
    <div className="page qc-project" data-testid="qc-project">
      <div className="print-running-head qc-running-head" aria-hidden="true">
        {runningTitle}
      </div>
      <div className="qc-toolbar no-print">
        <a href="#/projects" className="btn">
          {t('qcProjects.back')}
        </a>
        <span className="grow" />
        {editable && !editing && (
          <button type="button" className="btn" onClick={() => setEditing(true)}>
            {t('qcProjects.form.edit')}
          </button>
        )}
        {editable && mayCall(user.role, 'qcProjects/delete') && (
          <DeleteButton
            question={t('qcProjects.delete.project', { title: project.title })}
            note={t('qcProjects.delete.projectNote', { causes: causes.length, measures: measures.length })}
            reasonNeeded={causes.some((c) => c.verdict !== 'unchecked')}
            onDelete={(reason) => call('qcProjects/delete', { id, reason })}
            onDone={() => navigate('#/projects')}
            testId="qc-project-delete"
          />
        )}
        {mayCall(user.role, 'qcProjects/setClosed') && (
          <button type="button" className="btn" disabled={closing.busy} onClick={() => setClosed(!closed)}>
            {closed ? t('qcProjects.reopen') : t('qcProjects.close')}
          </button>
        )}
        <button type="button" className="btn primary" disabled={printing.busy} onClick={print} data-testid="qc-print">
          {t('qcProjects.print')}
        </button>
      </div>
      {closing.msg && closing.msg.kind === 'error' && <Alert kind="error">{closing.msg.text}</Alert>}
      {printing.msg && printing.msg.text && <Alert kind={printing.msg.kind}>{printing.msg.text}</Alert>}
      {editing && (
        <ProjectForm
          project={project}
          onDone={(nv) => {
            q.set(nv);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      )}
      <header className="qc-heading">
        <h1 data-testid="qc-project-title">{project.title}</h1>
        <p className="muted">
          {t('qcProjects.plan', {
            kpi: name,
            better: t(`qcProjects.better.${kpi.better}`),
            baselineFrom: project.baseline.from,
            baselineTo: project.baseline.to,
            startDay: project.startDay,
            deadline: project.deadline,
            target: formatValue(kpi, project.target, t),
          })}
          {scope && <span data-testid="qc-project-scope"> · {scope}</span>}
        </p>
        <p className="muted">
          {t('qcProjects.openedBy', { name: project.createdByName, at: formatDateTime(project.createdAt, branch.zone) })}
          {closed && ` · ${t('qcProjects.closedAt', { at: formatDateTime(project.closedAt, branch.zone) })}`}
          <span className="print-only"> · {t('qcProjects.printedAt', { at: formatDateTime(chart.at, branch.zone) })}</span>
        </p>
      </header>

      <Step title={t('qcProjects.steps.rationale')}>
        <Text value={project.rationale} />
      </Step>
      <Step title={t('qcProjects.steps.survey')}>
        <p data-testid="qc-survey-value">
          <strong>
            {t('qcProjects.surveyValue', {
              from: project.baseline.from,
              to: project.baseline.to,
              kpi: name,
              value: formatValue(kpi, chart.effect.baseline.value, t),
              tally: baselineTally,
            })}
          </strong>
        </p>
        <Text value={project.survey} />
      </Step>
      <Step title={t('qcProjects.steps.target')}>
        <p>
          {name}：{formatValue(kpi, chart.effect.baseline.value, t)} → <strong>{formatValue(kpi, project.target, t)}</strong>（{project.startDay} – {project.deadline}）
        </p>
      </Step>
      <Step title={t('qcProjects.steps.causes')} className="qc-causes">
        <Fishbone causes={causes} problem={`${name} ${formatValue(kpi, chart.effect.baseline.value, t)}`} />
        {editable && <AddCauseForm projectId={id} onDone={q.reload} />}
      </Step>
      <Step title={t('qcProjects.steps.verdicts')}>
        <VerdictTable causes={causes} measures={measures} editable={editable} onDone={q.reload} />
      </Step>
      <Step title={t('qcProjects.steps.measures')} className="qc-measures">
        <MeasureTable measures={measures} causes={causes} editable={editable} today={chart.today} onDone={q.reload} />
        {editable && <AddMeasureForm projectId={id} causes={causes} onDone={q.reload} />}
      </Step>
      <Step title={t('qcProjects.steps.implementation')}>
        <p data-testid="qc-implementation">{t('qcProjects.measure.progress', { done, all: measures.length })}</p>
      </Step>
      <Step title={t('qcProjects.steps.effect')} className="qc-effect-step" pageStart>
        <EffectSummary chart={chart} kpiId={project.kpi} />
        <ProjectChartView chart={chart} kpiId={project.kpi} grainLabel={grainLabel} />
      </Step>
      <Step title={t('qcProjects.steps.consolidation')}>
        <Text value={project.consolidation} />
      </Step>
    </div>
  );
}
