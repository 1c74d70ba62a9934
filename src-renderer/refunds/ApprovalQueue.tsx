/**
 * 待我审批: the entries this supervisor or manager may decide, oldest first.
 * Each shows the ticket, the amount, who entered it, the reason, the ticket's
 * other refunds and its total, and approve / reject with a comment.
 */
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../src-main/core/money';
import { Alert } from '../components/Alert';
import { StatusBadge } from '../components/Badges';
import { ticketHref } from '../state/route';
import { useQuery } from '../state/useQuery';
import { ExportButton } from '../components/ExportButton';
import { RefundEntry, RefundStatusBadge } from './RefundEntry';
import type { ApprovalItem } from './types';

function Others({ item }: { item: ApprovalItem }) {
  const { t } = useTranslation();
  if (item.others.length === 0) return <p className="hint">{t('refunds.noOtherRefunds')}</p>;
  return (
    <ul className="approval-others" aria-label={t('refunds.otherRefunds')}>
      {item.others.map((o) => (
        <li key={o.id}>
          #{o.id} {t(`refunds.type.${o.type}`)} <span className="num">{formatFen(o.amountFen)}</span> <RefundStatusBadge status={o.status} />
        </li>
      ))}
    </ul>
  );
}

export function ApprovalQueue({ onChanged }: { onChanged?: () => void }) {
  const { t } = useTranslation();
  const q = useQuery('refunds/queue', {});
  if (q.error) return <Alert kind="error">{q.error}</Alert>;
  if (!q.data) return null;
  if (q.data.length === 0) return <p className="empty" data-testid="queue-empty">{t('refunds.queueEmpty')}</p>;
  return (
    <>
      <div className="page-head">
        <span className="spacer" />
        <ExportButton testId="export-approvals" request={() => ({ kind: 'approvals' })} />
      </div>
      <ol className="approval-list" data-testid="approval-queue">
        {q.data.map((item) => (
          <li key={item.entry.id} className="panel approval" data-testid="approval-item">
            <ol className="refund-list">
              <RefundEntry
                entry={item.entry}
                onChanged={() => {
                  q.reload();
                  onChanged?.();
                }}
              />
            </ol>
            <div className="approval-ticket">
              <p>
                <a href={ticketHref(item.ticket.id)} className="ticket-link cell-strong">
                  {item.ticket.ticketNo}
                </a>{' '}
                <StatusBadge status={item.ticket.status} /> <span className="category">{item.ticket.categoryPath}</span>
              </p>
              <p className="description">{item.ticket.description}</p>
              <p className="num">{t('refunds.queueTicketTotal', { total: formatFen(item.ticketTotalFen) })}</p>
              <strong>{t('refunds.otherRefunds')}</strong>
              <Others item={item} />
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}
