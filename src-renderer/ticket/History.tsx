/** The append-only history, newest first: who, when (branch zone), what, from → to, and the note. */
import { useTranslation } from 'react-i18next';
import type { ActionType, TicketEvent } from '../api/types';
import { StatusBadge } from '../components/Badges';
import { TicketLinks } from '../components/TicketLink';
import { ACTION_ORDER } from '../lib/codes';
import { formatDateTime } from '../lib/time';
import { useMeta } from '../state/meta';
import { useBranch } from '../state/session';
import { changeFieldLabel, formatChangeValue, relatedIds } from './historyFormat';

const LABELLED = new Set<string>([...ACTION_ORDER, 'create', 'flag_collective', 'flag_repeat', 'import_create', 'import_update', 'checklist_check', 'checklist_uncheck', 'delivery_facts']);

export function History({ events }: { events: TicketEvent[] }) {
  const { t } = useTranslation();
  const { zone } = useBranch();
  const { userName } = useMeta();
  const sorted = [...events].sort((a, b) => b.at - a.at || b.id - a.id);
  const fmt = { t, zone, userName };

  return (
    <section className="panel history" aria-labelledby="history-title">
      <h2 id="history-title">
        {t('ticket.history')} <span className="muted small">· {t('ticket.historyHint')}</span>
      </h2>
      {sorted.length === 0 && <p className="empty">{t('ticket.historyEmpty')}</p>}
      <ol className="timeline" data-testid="history">
        {sorted.map((e) => {
          const related = relatedIds(e.action, e.note);
          const changes = Object.entries(e.changes).filter(([field]) => field !== 'status');
          return (
            <li key={e.id} className="event" data-action={e.action}>
              <div className="event-head">
                <time dateTime={new Date(e.at).toISOString()} className="num">
                  {formatDateTime(e.at, zone, true)}
                </time>
                <span className="event-actor" data-testid="event-actor">
                  {e.actorName ?? t('ticket.system')}
                </span>
                <strong className="event-action">{LABELLED.has(e.action) ? t(`action.${e.action as ActionType}`) : e.action}</strong>
                {e.fromStatus !== e.toStatus && e.toStatus && (
                  <span className="event-status">
                    {e.fromStatus && <StatusBadge status={e.fromStatus} />}
                    {e.fromStatus && <span aria-hidden="true"> → </span>}
                    <StatusBadge status={e.toStatus} />
                  </span>
                )}
              </div>
              {changes.length > 0 && (
                <ul className="event-changes">
                  {changes.map(([field, [from, to]]) => (
                    <li key={field}>
                      {changeFieldLabel(field, t)}: {formatChangeValue(field, from, fmt)} → {formatChangeValue(field, to, fmt)}
                    </li>
                  ))}
                </ul>
              )}
              {related ? (
                <p className="event-note">
                  {e.action === 'create' ? t('ticket.repeatOf') : t('ticket.collectiveWith')} <TicketLinks ids={related} />
                </p>
              ) : (
                e.note && <p className="event-note">{e.note}</p>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
