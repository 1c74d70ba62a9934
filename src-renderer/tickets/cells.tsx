/** Cell renderers of the ticket grid; rows still loading have no data and render nothing. */
import type { ICellRendererParams } from 'ag-grid-community';
import type { TicketRow } from '../api/types';
import { FlagBadges, LevelBadge, StatusBadge } from '../components/Badges';
import { Countdown, toneOf } from '../components/Countdown';

type P = ICellRendererParams<TicketRow>;

export const LevelCell = ({ data }: P) => (data ? <LevelBadge level={data.level} /> : null);
export const StatusCell = ({ data }: P) => (data ? <StatusBadge status={data.status} /> : null);
export const FlagsCell = ({ data }: P) => (data ? <FlagBadges repeat={data.isRepeat} collective={data.isCollective} /> : null);
export const CustomerCell = ({ data }: P) =>
  data ? (
    <span>
      <span className="num">{data.phone}</span>
      {data.customerName && <span className="muted"> {data.customerName}</span>}
    </span>
  ) : null;

/** The running clock due first; rows without one (closed, voided) show nothing. */
export const DueCell = ({ data, context }: P) =>
  data?.dueAt != null ? (
    <Countdown dueAt={data.dueAt} now={(context as { now: number }).now} tone={toneOf({ dueAt: data.dueAt, warnAt: data.warnAt, now: (context as { now: number }).now })} />
  ) : null;
