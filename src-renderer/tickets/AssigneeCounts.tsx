/**
 * 按处理人: the list's tickets per assignee under its current filter (less the
 * assignee), one button each with its count. Picking a name filters the list
 * to that person; 全部 takes the assignee filter off. Refreshed with the list
 * (after a batch transfer the counts move with the tickets).
 */
import { useTranslation } from 'react-i18next';
import type { TicketFilter } from '../api/types';
import { navigate } from '../state/route';
import { useQuery } from '../state/useQuery';
import { withParams } from './listParams';

export function AssigneeCounts({ params, filter, refresh }: { params: URLSearchParams; filter: TicketFilter; refresh: number }) {
  const { t } = useTranslation();
  const q = useQuery('tickets/byAssignee', { filter }, refresh);
  const current = params.get('assignee') ?? '';
  const pick = (who: string) =>
    // Like the filter bar's 处理人: someone's tickets replace 我的工单 rather than narrowing it to nothing.
    navigate(withParams(params, { assignee: who, chips: params.get('chips')?.split(',').filter((c) => c !== 'mine').join(',') }));
  const rows = q.data ?? [];
  const all = rows.reduce((n, r) => n + r.count, 0);
  return (
    <div className="assignee-counts" role="group" aria-label={t('tickets.byAssignee.label')} data-testid="assignee-counts">
      <span className="chip-name">{t('tickets.byAssignee.label')}</span>
      {q.error && <span className="muted" role="alert">{q.error}</span>}
      {q.data && (
        <button type="button" className="assignee-count" aria-pressed={current === ''} data-assignee="" onClick={() => pick('')}>
          {t('tickets.byAssignee.all')} <span className="num">{all.toLocaleString()}</span>
        </button>
      )}
      {rows.map((r) => {
        const who = r.assigneeId === null ? 'none' : String(r.assigneeId);
        return (
          <button key={who} type="button" className="assignee-count" aria-pressed={current === who} data-assignee={who} data-count={r.count} onClick={() => pick(who)}>
            {r.assigneeId === null ? t('tickets.filter.unassigned') : (r.name ?? `#${r.assigneeId}`)} <span className="num">{r.count.toLocaleString()}</span>
          </button>
        );
      })}
      {q.data && rows.length === 0 && <span className="muted">{t('tickets.noRows')}</span>}
    </div>
  );
}
