import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketRow } from '../api/types';
import { LevelBadge, StatusBadge } from '../components/Badges';
import { formatDuration } from '../lib/duration';
import { formatDateTime } from '../lib/time';
import { navigate, ticketHref } from '../state/route';
import { useBranch } from '../state/session';
import { useListKeys } from '../state/useListKeys';
import { useNow } from '../state/useNow';

/** A short keyboard-driven queue: j/k to move, Enter to open. */
export function OldestOpenList({ rows }: { rows: TicketRow[] }) {
  const { t } = useTranslation();
  const { zone } = useBranch();
  const now = useNow(60_000);
  const open = useCallback((i: number) => rows[i] && navigate(ticketHref(rows[i].id)), [rows]);
  const keys = useListKeys(rows.length, open);
  if (rows.length === 0) return <p className="empty">{t('today.empty')}</p>;
  return (
    <div className="table-wrap" tabIndex={0} onKeyDown={keys.onKeyDown} aria-label={t('today.oldest')} data-testid="oldest-list">
      <table className="table">
        <thead>
          <tr>
            <th>{t('tickets.col.ticketNo')}</th>
            <th>{t('tickets.col.level')}</th>
            <th>{t('tickets.col.status')}</th>
            <th>{t('tickets.col.category')}</th>
            <th>{t('tickets.col.customer')}</th>
            <th>{t('tickets.col.district')}</th>
            <th>{t('tickets.col.received')}</th>
            <th>{t('today.age')}</th>
            <th>{t('tickets.col.assignee')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr
              key={r.id}
              className={i === keys.selected ? 'selected' : undefined}
              aria-selected={i === keys.selected}
              onClick={() => keys.setSelected(i)}
              onDoubleClick={() => open(i)}
            >
              <td>
                <a href={ticketHref(r.id)}>{r.ticketNo}</a>
              </td>
              <td>
                <LevelBadge level={r.level} />
              </td>
              <td>
                <StatusBadge status={r.status} />
              </td>
              <td>{r.categoryPath}</td>
              <td className="num">{r.phone}</td>
              <td>{r.district ?? ''}</td>
              <td className="num">{formatDateTime(r.receivedAt, zone)}</td>
              <td className="num">{formatDuration(now - r.receivedAt, t)}</td>
              <td>{r.assigneeName ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
