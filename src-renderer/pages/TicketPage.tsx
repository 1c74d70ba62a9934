/**
 * One ticket: header, customer and complaint on the left, the allowed actions
 * on the right, the history below. tickets/act answers with the fresh detail,
 * so the page never shows a state the server did not confirm.
 */
import { useTranslation } from 'react-i18next';
import { Alert } from '../components/Alert';
import { ActionPanel } from '../ticket/ActionPanel';
import { ClockBars } from '../ticket/ClockBars';
import { ForecastLine } from '../ticket/ForecastLine';
import { CustomerCard } from '../ticket/CustomerCard';
import { History } from '../ticket/History';
import { RefundsSection } from '../refunds/RefundsSection';
import { TicketFacts } from '../ticket/TicketFacts';
import { TicketHeader } from '../ticket/TicketHeader';
import { useState } from 'react';
import { useQuery } from '../state/useQuery';
import { KnowledgePanel } from '../knowledge/KnowledgePanel';
import { DeliveryPanel } from '../knowledge/DeliveryPanel';

export function TicketPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const q = useQuery('tickets/get', { id });
  // Bumped when a panel enters a refund itself (the 12580 赔付 proposal), so the refunds section reloads.
  const [refundsRev, setRefundsRev] = useState(0);
  if (q.error && !q.data) {
    return (
      <section className="page">
        <Alert kind="error">{q.error}</Alert>
        <a className="btn" href="#/tickets">
          {t('ticket.back')}
        </a>
      </section>
    );
  }
  if (!q.data) return <section className="page" aria-busy="true" />;
  const detail = q.data;
  return (
    <section className="page ticket-page" data-version={detail.ticket.version}>
      <TicketHeader ticket={detail.ticket} />
      {q.error && <Alert kind="error">{q.error}</Alert>}
      <ClockBars clocks={detail.clocks ?? []} />
      <ForecastLine ticketId={detail.ticket.id} version={detail.ticket.version} />
      <div className="ticket-columns">
        <div className="ticket-left">
          <CustomerCard ticket={detail.ticket} />
          <TicketFacts ticket={detail.ticket} />
        </div>
        <div className="ticket-right">
          <ActionPanel detail={detail} onChanged={q.set} onReload={q.reload} />
          <KnowledgePanel ticketId={detail.ticket.id} onTicked={q.reload} />
          <DeliveryPanel
            ticketId={detail.ticket.id}
            onChanged={() => {
              setRefundsRev((n) => n + 1);
              q.reload();
            }}
          />
          <RefundsSection key={refundsRev} ticketId={detail.ticket.id} onChanged={q.reload} />
          <History events={detail.history} />
        </div>
      </div>
    </section>
  );
}
