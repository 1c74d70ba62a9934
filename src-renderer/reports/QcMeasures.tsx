/**
 * The QC studies' measures (reports/qc): each rate with its count, its
 * target and whether it is met — a missed one is marked in words and colour —
 * and the mean handling time of each category against its target. On screen
 * they sit beside the KPIs; on paper they open the report's last page, the
 * quality-control page, with the breach causes' Pareto (the screen's block is
 * not printed, the paper's not shown: the same answer drawn twice).
 */
import { useTranslation } from 'react-i18next';
import { Alert } from '../components/Alert';
import type { Query } from '../state/useQuery';
import type { OutputOf } from '../api/types';
import { duration, pct } from './format';
import './qc.css';

const OP = { '>=': '≥', '<': '<', '<=': '≤' } as const;

export function QcMeasures({ q, forPrint = false }: { q: Query<OutputOf<'reports/qc'>>; forPrint?: boolean }) {
  const { t, i18n } = useTranslation();
  // Test ids on the screen's copy only.
  const id = (name: string) => (forPrint ? undefined : name);
  const n = (x: number) => x.toLocaleString(i18n.language);
  const verdict = (met: boolean | null) => (met === null ? '' : met ? `✓ ${t('reports.meets')}` : `✕ ${t('reports.misses')}`);
  // "≥ 100 %" reads like a mistake: a target of every one is said as such.
  const targetText = (c: { op: keyof typeof OP; target: number }) =>
    c.op === '>=' && c.target === 1 ? t('qc.measures.targetAll', { value: pct(1, 0) }) : t('qc.measures.target', { op: OP[c.op], value: pct(c.target, 0) });
  const tone = (met: boolean | null) => (met === null ? '' : met ? ' good' : ' bad');
  return (
    <section className={`qc-measures ${forPrint ? 'print-only' : 'no-print'}`} data-testid={id('qc-measures')} aria-label={t('qc.measures.title')}>
      <h2>{t('qc.measures.title')}</h2>
      {!forPrint && <p className="hint">{t('qc.measures.hint')}</p>}
      {q.error && <Alert kind="error">{q.error}</Alert>}
      {q.data && (
        <>
          <div className="kpi-tiles">
            {q.data.checks.map((c) => (
              <div key={c.id} className={`kpi-tile${c.met === false ? ' missed' : ''}`} data-testid={id(`qc-${c.id}`)} data-value={c.rate ?? ''} data-met={String(c.met)}>
                <div className="kpi-label">{t(`qc.measures.${c.id}`)}</div>
                <div className="kpi-value">{pct(c.rate)}</div>
                <div className={`kpi-target${tone(c.met)}`}>
                  {targetText(c)}
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
            <table className="report-table qc-handling" data-testid={id('qc-handling')}>
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
