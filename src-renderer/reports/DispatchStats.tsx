/**
 * 智能派单效果 on the report, for supervisors: of the tickets registered in the
 * report's days with a dispatch proposal (dispatch/stats), how many took its
 * category, its department or its one button, and how often a ticket was
 * transferred later, split by whether the proposed department was taken — the
 * measure that says whether taking the proposal helps. Branch-wide: the
 * proposals are not filtered by the report's district or department.
 */
import { useTranslation } from 'react-i18next';
import { Alert } from '../components/Alert';
import { fromLocalInput } from '../lib/time';
import { useQuery } from '../state/useQuery';
import { pct } from './format';

/** The instants of the report's days, first to last inclusive, in the branch's zone. */
export function dayRange(from: string, to: string, zone: string): { from: number; to: number } | null {
  const start = fromLocalInput(`${from}T00:00`, zone);
  const last = fromLocalInput(`${to}T00:00`, zone);
  if (start === null || last === null) return null;
  // The day after the last: its midnight in the zone (a day is not always 24 h where clocks change).
  const next = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const end = fromLocalInput(`${next}T00:00`, zone);
  return end !== null && start < end ? { from: start, to: end } : null;
}

export function DispatchStats({ from, to, zone }: { from: string; to: string; zone: string }) {
  const { t, i18n } = useTranslation();
  const range = dayRange(from, to, zone);
  const q = useQuery('dispatch/stats', range);
  const n = (x: number) => x.toLocaleString(i18n.language);
  const share = (x: number, of: number) => (of ? t('qc.dispatch.ofProposals', { pct: pct(x / of, 0) }) : '');
  const s = q.data;
  return (
    <section className="qc-measures dispatch-stats no-print" data-testid="dispatch-stats" aria-label={t('qc.dispatch.title')}>
      <h2>{t('qc.dispatch.title')}</h2>
      <p className="hint">{t('qc.dispatch.hint')}</p>
      {q.error && <Alert kind="error">{q.error}</Alert>}
      {s && s.proposals === 0 && <p className="hint">{t('qc.dispatch.none')}</p>}
      {s && s.proposals > 0 && (
        <>
          <div className="kpi-tiles">
            {(
              [
                ['proposals', s.proposals, null],
                ['categoryTaken', s.categoryTaken, s.proposals],
                ['departmentTaken', s.departmentTaken, s.proposals],
                ['accepted', s.accepted, s.proposals],
              ] as const
            ).map(([key, value, of]) => (
              <div key={key} className="kpi-tile" data-testid={`dispatch-${key}`} data-value={value}>
                <div className="kpi-label">{t(`qc.dispatch.${key}`)}</div>
                <div className="kpi-value">{n(value)}</div>
                {of !== null && <div className="kpi-detail">{share(value, of)}</div>}
              </div>
            ))}
          </div>
          <table className="report-table dispatch-transfers" data-testid="dispatch-transfers">
            <thead>
              <tr>
                <th>{t('qc.dispatch.group')}</th>
                <th className="num">{t('qc.dispatch.tickets')}</th>
                <th className="num">{t('qc.dispatch.transferred')}</th>
                <th className="num">{t('qc.dispatch.rate')}</th>
              </tr>
            </thead>
            <tbody>
              {(
                [
                  ['taken', s.taken],
                  ['notTaken', s.notTaken],
                ] as const
              ).map(([key, o]) => (
                <tr key={key} data-testid={`dispatch-${key}-row`}>
                  <td>{t(`qc.dispatch.${key}`)}</td>
                  <td className="num">{n(o.tickets)}</td>
                  <td className="num">{n(o.transferred)}</td>
                  <td className="num">{pct(o.rate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
