/**
 * 待我审批: the entries this supervisor or manager may decide, oldest first.
 * Each shows the ticket, the amount, who entered it, the reason, the ticket's
 * other refunds and its total, and approve / reject with a comment. Below,
 * read-only, the entries waiting for someone else's decision.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../state/session';
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

function TicketOf({ item }: { item: ApprovalItem }) {
  const { t } = useTranslation();
  return (
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
  );
}

/**
 * Beside the queue: pending entries someone else must decide (refunds/waiting)
 * — above this person's authority, or entered by them — each marked read-only,
 * with no step (the server gives these entries none for this viewer).
 */
function WaitingForOthers({ refresh }: { refresh: number }) {
  const { t } = useTranslation();
  const user = useUser();
  const q = useQuery('refunds/waiting', {}, refresh);
  if (q.error) return <Alert kind="error">{q.error}</Alert>;
  if (!q.data) return null;
  return (
    <section className="waiting-others" aria-labelledby="waiting-title" data-testid="waiting-others">
      <h2 id="waiting-title" className="section-title">
        {t('refunds.waitingTitle')} <span className="muted num">{q.data.length}</span>
      </h2>
      <p className="hint">{t('refunds.waitingHint')}</p>
      {q.data.length === 0 && <p className="empty">{t('refunds.waitingNone')}</p>}
      <ol className="approval-list">
        {q.data.map((item) => (
          <li key={item.entry.id} className="panel approval read-only" data-testid="waiting-item" data-refund-id={item.entry.id}>
            <div>
              <span className="badge read-only-badge" data-testid="read-only-mark">
                {/* Waiting for someone else: his own entry, or else one above his authority (the server lists nothing more). */}
                {item.entry.createdBy === user.id ? t('refunds.waitingOwn') : t('refunds.waitingManager')}
              </span>
              <ol className="refund-list">
                <RefundEntry entry={item.entry} onChanged={() => q.reload()} />
              </ol>
            </div>
            <TicketOf item={item} />
          </li>
        ))}
      </ol>
    </section>
  );
}

export function ApprovalQueue({ onChanged }: { onChanged?: () => void }) {
  const [decisions, setDecisions] = useState(0);
  return (
    <>
      <OwnQueue
        onChanged={() => {
          setDecisions((n) => n + 1);
          onChanged?.();
        }}
      />
      <WaitingForOthers refresh={decisions} />
    </>
  );
}

function OwnQueue({ onChanged }: { onChanged: () => void }) {
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
                  onChanged();
                }}
              />
            </ol>
            <TicketOf item={item} />
          </li>
        ))}
      </ol>
    </>
  );
}
