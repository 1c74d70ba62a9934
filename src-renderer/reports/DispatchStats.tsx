/**
 * 智能派单效果 on the report, for supervisors: the dispatch proposals made in
 * the report's days (dispatch/stats), one row per source — registration,
 * import, transfer — with how many took their category, their department or
 * their one button, and how often the ticket was transferred again, split by
 * whether the proposed department was taken: the measure that says whether
 * taking the proposal helps. What "again" means for each source is said under
 * the table (docs/QC.md). Branch-wide: the proposals are not filtered by the
 * report's district or department.
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

const SOURCES = ['form', 'import', 'transfer'] as const;

export function DispatchStats({ from, to, zone }: { from: string; to: string; zone: string }) {
  const { t, i18n } = useTranslation();
  const range = dayRange(from, to, zone);
  const q = useQuery('dispatch/stats', range);
  const n = (x: number) => x.toLocaleString(i18n.language);
  const s = q.data;
  const any = s ? SOURCES.some((src) => s[src].proposals > 0) : false;
  /** A count and its share of the source's proposals; — where the figure does not apply. */
  const ofProposals = (x: number | null, of: number) => (x === null ? '—' : of ? `${n(x)}（${pct(x / of, 0)}）` : n(x));
  const again = (o: { tickets: number; transferred: number; rate: number | null }) => (o.tickets ? `${n(o.transferred)} / ${n(o.tickets)}（${pct(o.rate)}）` : '—');
  return (
    <section className="qc-measures dispatch-stats no-print" data-testid="dispatch-stats" aria-label={t('qc.dispatch.title')}>
      <h2>{t('qc.dispatch.title')}</h2>
      <p className="hint">{t('qc.dispatch.hint')}</p>
      {q.error && <Alert kind="error">{q.error}</Alert>}
      {s && !any && <p className="hint">{t('qc.dispatch.none')}</p>}
      {s && any && (
        <>
          <table className="report-table dispatch-transfers" data-testid="dispatch-sources">
            <thead>
              <tr>
                <th>{t('qc.dispatch.source')}</th>
                <th className="num">{t('qc.dispatch.proposals')}</th>
                <th className="num">{t('qc.dispatch.categoryTaken')}</th>
                <th className="num">{t('qc.dispatch.departmentTaken')}</th>
                <th className="num">{t('qc.dispatch.accepted')}</th>
                <th className="num">{t('qc.dispatch.takenAgain')}</th>
                <th className="num">{t('qc.dispatch.notTakenAgain')}</th>
                <th className="num">{t('qc.dispatch.undecided')}</th>
              </tr>
            </thead>
            <tbody>
              {SOURCES.map((src) => {
                const x = s[src];
                return (
                  <tr key={src} data-testid={`dispatch-${src}`}>
                    <td title={t(`qc.dispatch.again.${src}`)}>{t(`qc.dispatch.sources.${src}`)}</td>
                    <td className="num" data-testid={`dispatch-${src}-proposals`} data-value={x.proposals}>
                      {n(x.proposals)}
                    </td>
                    <td className="num" data-value={x.categoryTaken ?? ''}>
                      {ofProposals(x.categoryTaken, x.proposals)}
                    </td>
                    <td className="num" data-testid={`dispatch-${src}-departmentTaken`} data-value={x.departmentTaken}>
                      {ofProposals(x.departmentTaken, x.proposals)}
                    </td>
                    <td className="num" data-testid={`dispatch-${src}-accepted`} data-value={x.accepted ?? ''}>
                      {ofProposals(x.accepted, x.proposals)}
                    </td>
                    <td className="num" data-testid={`dispatch-${src}-taken`} data-tickets={x.taken.tickets} data-transferred={x.taken.transferred}>
                      {again(x.taken)}
                    </td>
                    <td className="num" data-testid={`dispatch-${src}-notTaken`} data-tickets={x.notTaken.tickets} data-transferred={x.notTaken.transferred}>
                      {again(x.notTaken)}
                    </td>
                    <td className="num" data-value={x.undecided ?? ''}>
                      {x.undecided === null ? '—' : n(x.undecided)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <ul className="hint dispatch-again">
            {SOURCES.map((src) => (
              <li key={src}>
                <strong>{t(`qc.dispatch.sources.${src}`)}</strong>：{t(`qc.dispatch.again.${src}`)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
