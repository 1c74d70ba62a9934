import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { UrgentClock } from '../api/types';
import { Countdown, toneOf } from '../components/Countdown';
import { formatDateTime } from '../lib/time';
import { navigate, ticketHref } from '../state/route';
import { useBranch } from '../state/session';
import { useListKeys } from '../state/useListKeys';
import { useNow } from '../state/useNow';
import { useTimeLeftTones } from '../state/deadlineSummary';

/** Tickets, each with one clock, as a keyboard queue: j/k to move, Enter to open. */
export function DueNextList({ clocks, label, testId, empty }: { clocks: UrgentClock[]; label: string; testId: string; empty: string }) {
  const { t } = useTranslation();
  const { zone } = useBranch();
  const now = useNow(30_000);
  const tones = useTimeLeftTones();
  const open = useCallback((i: number) => clocks[i] && navigate(ticketHref(clocks[i].ticketId)), [clocks]);
  const keys = useListKeys(clocks.length, open);
  if (clocks.length === 0)
    return (
      <p className="empty" data-testid={testId}>
        {empty}
      </p>
    );
  return (
    <div className="table-wrap" tabIndex={0} onKeyDown={keys.onKeyDown} aria-label={label} data-testid={testId}>
      <table className="table">
        <thead>
          <tr>
            <th>{t('tickets.col.ticketNo')}</th>
            <th>{t('today.clock')}</th>
            <th>{t('today.timeLeft')}</th>
            <th>{t('today.due')}</th>
            <th>{t('tickets.col.category')}</th>
            <th>{t('tickets.col.customer')}</th>
            <th>{t('tickets.col.assignee')}</th>
          </tr>
        </thead>
        <tbody>
          {clocks.map((c, i) => (
            <tr
              key={`${c.ticketId}-${c.clock}`}
              className={i === keys.selected ? 'selected' : undefined}
              aria-selected={i === keys.selected}
              onClick={() => keys.setSelected(i)}
              onDoubleClick={() => open(i)}
              data-ticket-no={c.ticketNo}
            >
              <td>
                <a href={ticketHref(c.ticketId)}>{c.ticketNo}</a>
              </td>
              <td>{t(`clock.kind.${c.clock}`)}</td>
              <td>
                <Countdown dueAt={c.dueAt} now={now} tone={toneOf({ dueAt: c.dueAt, now, tones, state: c.state })} />
              </td>
              <td className="num">{formatDateTime(c.dueAt, zone)}</td>
              <td>{c.categoryPath}</td>
              <td className="num">{c.customer}</td>
              <td>{c.assigneeName ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
