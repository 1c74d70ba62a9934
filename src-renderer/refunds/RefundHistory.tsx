/** One entry's steps, oldest first: when (branch zone), who, what, and the note or voucher. */
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/time';
import { useBranch } from '../state/session';
import type { RefundEvent } from './types';

export function RefundHistory({ events }: { events: RefundEvent[] }) {
  const { t } = useTranslation();
  const { zone } = useBranch();
  return (
    <ol className="refund-history" aria-label={t('refunds.history')} data-testid="refund-history">
      {events.map((e) => {
        const voucher = typeof e.details.voucherNo === 'string' ? e.details.voucherNo : null;
        return (
          <li key={e.id} data-event={e.action}>
            <time dateTime={new Date(e.at).toISOString()} className="num muted">
              {formatDateTime(e.at, zone, true)}
            </time>{' '}
            <span className="event-actor">{e.actorName ?? t('ticket.system')}</span> <span className="refund-event">{t(`refunds.event.${e.action}`)}</span>
            {voucher && <span className="muted"> · {t('refunds.voucher', { no: voucher })}</span>}
            {e.note && e.action !== 'create' && <span className="refund-note"> — {e.note}</span>}
          </li>
        );
      })}
    </ol>
  );
}
