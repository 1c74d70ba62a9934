/**
 * 报表 Reports (docs/REQUIREMENTS.md §10): a month (or custom days) and filters; KPI tiles
 * with their change against the previous period and the same period last
 * year; the charts of docs/REQUIREMENTS.md §5, each opening the matching tickets; refunds;
 * print or save as PDF. Loaded on demand: the charts' code is not part of the
 * console's first load.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../components/Alert';
import { formatDateTime } from '../lib/time';
import { useBranch, useUser } from '../state/session';
import { useMeta } from '../state/meta';
import { useQuery } from '../state/useQuery';
import { KpiTiles } from './KpiTiles';
import { QcMeasures } from './QcMeasures';
import { DispatchStats } from './DispatchStats';
import { BreachCauseChart } from './BreachCauseChart';
import { CoverageNote } from './CoverageNote';
import { RefundsTable } from './RefundsTable';
import { ReportCharts } from './ReportCharts';
import { ReportControls } from './ReportControls';
import { SubscribersForm } from './SubscribersForm';
import { printReport } from './print';
import { parseReportState, reportInput, type ReportState } from './reportState';
import './reports.css';
import { mayCall } from '../lib/access';
import { ExportButton } from '../components/ExportButton';

function scopeLabel(s: ReportState, t: (k: 'reports.branchWide' | 'reports.unassigned') => string, names: { category?: string; assignee?: string }) {
  const parts = [s.district, s.channel, names.category, s.department, names.assignee].filter(Boolean);
  return parts.length ? parts.join(' · ') : t('reports.branchWide');
}

export default function ReportsPage({ params }: { params: URLSearchParams }) {
  const { t } = useTranslation();
  const branch = useBranch();
  const user = useUser();
  const { categories, userName } = useMeta();
  const state = parseReportState(params, formatDateTime(Date.now(), branch.zone).slice(0, 7));
  const dashboard = useQuery('reports/dashboard', reportInput(state));
  const options = useQuery('reports/options', {});
  const qc = useQuery('reports/qc', reportInput(state));
  const [printNote, setPrintNote] = useState<{ kind: 'ok' | 'error' | 'info'; text: string } | null>(null);

  const data = dashboard.data;
  const report = data?.report;
  const departments = [
    ...new Set([...(options.data?.departments ?? []), ...(report?.byDepartment.map((d) => d.department).filter((d): d is string => !!d) ?? [])]),
  ].sort();
  const scope = scopeLabel(state, t, {
    category: categories.find((c) => c.id === state.categoryId)?.path,
    assignee: userName(state.assigneeId) ?? undefined,
  });
  const fileName = `${t('reports.title')}-${branch.branchName || branch.branchId}-${state.month ?? `${state.from}_${state.to}`}`;
  const range = t('reports.rangeLabel', { from: state.from, to: state.to });
  // On every printed page: whose report, which month, what scope.
  const runningTitle = [
    t('reports.heading', { branch: branch.branchName || t('reports.title') }),
    state.month ? t('reports.printMonth', { month: state.month, range }) : range,
    scope,
  ].join(' · ');
  const print = () => {
    setPrintNote({ kind: 'info', text: t('reports.printing') });
    printReport(fileName, { title: runningTitle, pageLabel: t('reports.pageOf') })
      .then((r) => setPrintNote(r.kind === 'saved' ? { kind: 'ok', text: t('reports.savedPdf', { path: r.path }) } : null))
      .catch((e: unknown) => setPrintNote({ kind: 'error', text: t('reports.printFailed', { message: e instanceof Error ? e.message : String(e) }) }));
  };

  return (
    <section className="page reports" aria-labelledby="reports-title" data-testid="reports-page" data-loading={dashboard.loading ? 'true' : 'false'}>
      <div className="page-head no-print">
        <h1 id="reports-title">{t('reports.title')}</h1>
        <span className="spacer" />
        <ExportButton testId="export-report" request={() => ({ kind: 'report', ...reportInput(state) })} />
        <button type="button" className="btn" onClick={print} disabled={!report} data-testid="report-print">
          {t('reports.print')}
        </button>
      </div>
      <ReportControls key={params.toString()} state={state} districts={options.data?.districts ?? []} departments={departments} />
      {printNote && <Alert kind={printNote.kind}>{printNote.text}</Alert>}
      {dashboard.error && <Alert kind="error">{dashboard.error}</Alert>}
      <div className="print-running-head" aria-hidden="true" data-testid="print-running-head">
        {runningTitle}
      </div>
      <header className="report-heading">
        <h2>{t('reports.heading', { branch: branch.branchName || t('reports.title') })}</h2>
        <p>
          <strong>{t('reports.rangeLabel', { from: state.from, to: state.to })}</strong> · {scope}
          {report && <span className="muted"> · {t('reports.generatedAt', { at: formatDateTime(report.at, branch.zone), zone: branch.zone })}</span>}
        </p>
      </header>
      {!data ? (
        <p className="hint">{t('reports.loading')}</p>
      ) : (
        <>
          <CoverageNote report={data.report} />
          <KpiTiles report={data.report} />
          <QcMeasures q={qc} />
          {mayCall(user.role, 'dispatch/stats') && <DispatchStats from={state.from} to={state.to} zone={branch.zone} />}
          {data.report.total === 0 && <Alert kind="info">{t('reports.empty')}</Alert>}
          <p className="hint no-print">{t('reports.drillHint')}</p>
          <ReportCharts data={data} state={state} zone={branch.zone} />
          <section className="chart-panel wide report-refunds">
            <h2>{t('reports.refunds.title')}</h2>
            <RefundsTable report={data.report} />
          </section>
          {/* Quality control: on paper a page of its own, the last. */}
          <div className="report-section page-start qc-section">
            <QcMeasures q={qc} forPrint />
            <BreachCauseChart state={state} zone={branch.zone} />
          </div>
          {mayCall(user.role, 'reports/setSubscribers') && <SubscribersForm current={data.report.subscribers} onSaved={dashboard.reload} />}
        </>
      )}
    </section>
  );
}
