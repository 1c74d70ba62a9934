/**
 * Cells of the refunds grid: the execution deadline (the entry's refund
 * clock as the server read it, counted down like every deadline in the
 * console) and the list's 执行 button for the rows the server says this
 * viewer may execute. Rows still loading have no data and render nothing.
 */
import type { ICellRendererParams } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { Countdown, toneOf } from '../components/Countdown';
import type { TimeLeftTones } from '../api/types';
import type { RefundListRow } from './types';

/** What the grid's cells share: the clock for the countdowns, and how 执行 reaches the page. */
export interface RefundGridContext {
  now: number;
  tones: TimeLeftTones;
  onExecute(row: RefundListRow): void;
}

type P = ICellRendererParams<RefundListRow>;

export function DeadlineCell({ data, context }: P) {
  const { t } = useTranslation();
  const c = data?.clock;
  if (!c || c.state === 'cancelled' || c.dueAt === null) return null;
  if (c.stoppedAt !== null) {
    const late = c.state === 'breached';
    return <span className={late ? 'tone-breached' : 'muted'} data-deadline={late ? 'late' : 'on-time'}>{t(late ? 'refunds.executedLate' : 'refunds.executedOnTime')}</span>;
  }
  const { now, tones } = context as RefundGridContext;
  const tone = toneOf({ dueAt: c.dueAt, now, tones, state: c.state });
  return (
    <span data-deadline={tone === 'breached' ? 'overdue' : 'running'} data-due-at={c.dueAt}>
      <Countdown dueAt={c.dueAt} now={now} tone={tone} />
    </span>
  );
}

export function ExecuteCell({ data, context }: P) {
  const { t } = useTranslation();
  if (!data?.mayExecute) return null;
  return (
    <button type="button" className="btn small" data-testid="list-execute" onClick={() => (context as RefundGridContext).onExecute(data)}>
      {t('refunds.action.execute')}
    </button>
  );
}
