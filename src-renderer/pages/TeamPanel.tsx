/**
 * Today's team panel (supervisors and above): each colleague's open tickets
 * and how many are past due now, nobody's included; each number opens the
 * list filtered to those tickets.
 */
import { useTranslation } from 'react-i18next';
import { useQuery } from '../state/useQuery';
import { ticketsHref } from '../state/route';

export function TeamPanel({ refresh }: { refresh: string | number }) {
  const { t } = useTranslation();
  const q = useQuery('tickets/workload', {}, refresh);
  const rows = q.data ?? [];
  return (
    <section aria-labelledby="team-title" className="team-panel" data-testid="team-panel">
      <h2 id="team-title" className="section-title">
        {t('today.team.title')}
      </h2>
      <table className="team-table">
        <thead>
          <tr>
            <th>{t('today.team.assignee')}</th>
            <th className="num">{t('today.team.open')}</th>
            <th className="num">{t('today.team.overdue')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const who = r.assigneeId === null ? 'none' : String(r.assigneeId);
            return (
              <tr key={who} data-assignee={who}>
                <td>
                  {/* The name opens his open tickets with the list's per-assignee counts beside, to move between colleagues. */}
                  <a href={ticketsHref({ assignee: who, chips: 'open', by: 'assignee' })} data-testid="team-name">
                    {r.assigneeId === null ? t('tickets.filter.unassigned') : (r.name ?? `#${r.assigneeId}`)}
                  </a>
                </td>
                <td className="num">
                  <a href={ticketsHref({ assignee: who, chips: 'open' })} data-testid="team-open">
                    {r.open.toLocaleString()}
                  </a>
                </td>
                <td className={`num${r.overdue ? ' tone-breached' : ''}`}>
                  <a href={ticketsHref({ assignee: who, chips: 'open,breached' })} data-testid="team-overdue">
                    {r.overdue.toLocaleString()}
                  </a>
                </td>
              </tr>
            );
          })}
          {q.data && rows.length === 0 && (
            <tr>
              <td colSpan={3} className="muted">
                {t('today.team.none')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
