/**
 * The QC studies' measures beside the KPIs (reports/qc): each rate with its
 * count, its target and whether it is met — a missed one is marked in words
 * and colour — and the mean handling time of each category against its target.
 */
import { useTranslation } from 'react-i18next';
import { Alert } from '../components/Alert';
import { useQuery } from '../state/useQuery';
import { duration, pct } from './format';
import { reportInput, type ReportState } from './reportState';
import './qc.css';

const OP = { '>=': '≥', '<': '<', '<=': '≤' } as const;

export function QcMeasures({ state }: { state: ReportState }) {
  const { t, i18n } = useTranslation();
  const q = useQuery('reports/qc', reportInput(state));
  const n = (x: number) => x.toLocaleString(i18n.language);
  const verdict = (met: boolean | null) => (met === null ? '' : met ? `✓ ${t('reports.meets')}` : `✕ ${t('reports.misses')}`);
  const tone = (met: boolean | null) => (met === null ? '' : met ? ' good' : ' bad');
  return (
    <section className="qc-measures" data-testid="qc-measures" aria-labelledby="qc-measures-title">
      <h2 id="qc-measures-title">{t('qc.measures.title')}</h2>
      <p className="hint no-print">{t('qc.measures.hint')}</p>
      {q.error && <Alert kind="error">{q.error}</Alert>}
      {q.data && (
        <>
          <div className="kpi-tiles">
            {q.data.checks.map((c) => (
              <div key={c.id} className={`kpi-tile${c.met === false ? ' missed' : ''}`} data-testid={`qc-${c.id}`} data-value={c.rate ?? ''} data-met={String(c.met)}>
                <div className="kpi-label">{t(`qc.measures.${c.id}`)}</div>
                <div className="kpi-value">{pct(c.rate)}</div>
                <div className={`kpi-target${tone(c.met)}`}>
                  {t('qc.measures.target', { op: OP[c.op], value: pct(c.target, 0) })}
                  {c.met !== null && ` · ${verdict(c.met)}`}
                </div>
                <div className="kpi-detail">{t(`qc.measures.detail.${c.id}`, { n: n(c.count), d: n(c.of) })}</div>
              </div>
            ))}
          </div>
          <h3>{t('qc.measures.handling.title')}</h3>
          {q.data.handlingByCategory.length === 0 ? (
            <p className="hint">{t('qc.measures.handling.none')}</p>
          ) : (
            <table className="report-table qc-handling" data-testid="qc-handling">
              <thead>
                <tr>
                  <th>{t('qc.measures.handling.category')}</th>
                  <th className="num">{t('qc.measures.handling.handled')}</th>
                  <th className="num">{t('qc.measures.handling.mean')}</th>
                  <th className="num">{t('qc.measures.handling.target')}</th>
                  <th>{t('qc.measures.handling.verdict')}</th>
                </tr>
              </thead>
              <tbody>
                {q.data.handlingByCategory.map((h) => (
                  <tr key={h.category} data-met={String(h.met)}>
                    <td>{h.category}</td>
                    <td className="num">{n(h.handled)}</td>
                    <td className="num">{duration(h.meanMs, t)}</td>
                    <td className="num">≤ {duration(h.targetMs, t)}</td>
                    <td className={`kpi-target${tone(h.met)}`}>{verdict(h.met)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
