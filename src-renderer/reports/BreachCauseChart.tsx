/**
 * The Pareto of breach causes (超时原因排列图) for the report's period and
 * filters: bars largest first, the cumulative share, the 80 % line; a click
 * on a bar opens the list of the tickets with that cause (cause=… in the
 * list's URL, with the report's range and filters).
 */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../components/Alert';
import { navigate } from '../state/route';
import { useQuery } from '../state/useQuery';
import { ChartPanel } from './ChartPanel';
import { drillHref } from './drill';
import { EChart } from './charts/EChart';
import type { ChartClick } from './charts/echarts';
import { paretoChart } from './charts/paretoChart';
import { reportInput, type ReportState } from './reportState';

export function BreachCauseChart({ state, zone }: { state: ReportState; zone: string }) {
  const { t, i18n } = useTranslation();
  const q = useQuery('reports/breachCauses', reportInput(state));
  const causes = q.data?.causes;
  const en = i18n.language === 'en';
  const option = useMemo(
    () =>
      paretoChart(
        (causes ?? []).map((c) => ({ label: en ? c.labelEn : c.label, count: c.count, cumulative: c.cumulative, vital: c.vital })),
        { count: t('qc.pareto.count'), cumulative: t('qc.pareto.cumulative'), line80: t('qc.pareto.line80') },
      ),
    [causes, en, t],
  );
  const onClick = useCallback(
    (e: ChartClick) => {
      const code = causes?.[e.dataIndex]?.key;
      if (code) navigate(drillHref(state, zone, { breachCause: code }));
    },
    [causes, state, zone],
  );
  const vital = causes?.filter((c) => c.vital).length ?? 0;
  return (
    <ChartPanel
      title={t('qc.pareto.title')}
      note={q.data && q.data.total > 0 ? t('qc.pareto.summary', { total: String(q.data.total), vital: String(vital) }) : null}
      wide
    >
      {q.error && <Alert kind="error">{q.error}</Alert>}
      {q.data && q.data.total === 0 ? (
        <p className="hint" data-testid="breach-pareto-empty">
          {t('qc.pareto.empty')}
        </p>
      ) : (
        <EChart option={option} label={t('qc.pareto.title')} onClick={onClick} testId="chart-breach-causes" />
      )}
    </ChartPanel>
  );
}
