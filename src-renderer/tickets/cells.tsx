/** Cell renderers of the ticket grid; rows still loading have no data and render nothing. */
import type { ICellRendererParams } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { TicketRow, TimeLeftTones } from '../api/types';
import { DemoBadge, FlagBadges, LevelBadge, StatusBadge } from '../components/Badges';
import { Countdown, toneOf } from '../components/Countdown';

type P = ICellRendererParams<TicketRow>;

export const LevelCell = ({ data }: P) => (data ? <LevelBadge level={data.level} /> : null);
export const StatusCell = ({ data }: P) => (data ? <StatusBadge status={data.status} /> : null);
export const FlagsCell = ({ data }: P) => (data ? <FlagBadges repeat={data.isRepeat} collective={data.isCollective} /> : null);
/** The ticket number, 演示 before a demo ticket's (before: a long number is cut at the column's edge, the badge never). */
export const TicketNoCell = ({ data }: P) =>
  data ? (
    <span className="ticket-no-cell">
      {data.isDemo && <DemoBadge />}
      <span className="ticket-no">{data.ticketNo}</span>
    </span>
  ) : null;
export const CustomerCell = ({ data }: P) =>
  data ? (
    <span>
      <span className="num">{data.phone}</span>
      {data.customerName && <span className="muted"> {data.customerName}</span>}
    </span>
  ) : null;

/**
 * The running clock due first, named (a closed ticket's running clock is its refund's, and says
 * so). A ticket waiting on the customer has its clock paused (no due time) and says so; rows
 * without a running clock (closed, voided) show nothing.
 */
export function DueCell({ data, context }: P) {
  const { t } = useTranslation();
  if (!data) return null;
  if (data.dueAt == null) return data.status === 'pending_customer' ? <span className="muted">‖ {t('clock.state.paused')}</span> : null;
  const { now, tones } = context as { now: number; tones: TimeLeftTones };
  return (
    <span className="due-cell" data-clock={data.dueClock ?? ''}>
      {data.dueClock && <span className="due-clock muted">{t(`clock.kind.${data.dueClock}`)}</span>}
      <Countdown dueAt={data.dueAt} now={now} tone={toneOf({ dueAt: data.dueAt, now, tones })} />
    </span>
  );
}
