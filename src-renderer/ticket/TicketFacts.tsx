import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../api/types';
import { formatDateTime } from '../lib/time';
import { useBranch } from '../state/session';

/** The complaint itself and where its handling stands. Empty facts are left out, not shown as blanks. */
export function TicketFacts({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const { zone } = useBranch();
  const time = (ms: number | null) => (ms === null ? null : <span className="num">{formatDateTime(ms, zone)}</span>);
  const rows: [string, ReactNode, string?][] = [
    [t('ticket.department'), ticket.department, 'department'],
    [t('ticket.assignee'), ticket.assigneeName, 'assignee'],
    [t('ticket.firstResponder'), ticket.firstResponderName, 'first-responder'],
    [t('ticket.collaborators'), ticket.collaborators.length ? ticket.collaborators.join('、') : null],
    [t('ticket.firstResponse'), time(ticket.firstResponseAt)],
    [t('ticket.resolvedAt'), time(ticket.resolvedAt)],
    [t('ticket.resolution'), ticket.resolutionNote],
    [t('ticket.rootCause'), ticket.rootCause],
    [t('ticket.closedAt'), time(ticket.closedAt)],
    [t('ticket.satisfaction'), ticket.satisfaction ? t(`satisfaction.${ticket.satisfaction}`) : null, 'satisfaction'],
    [t('ticket.voidReason'), ticket.voidReason],
  ];
  return (
    <>
      <section className="panel" aria-labelledby="complaint-title">
        <h2 id="complaint-title">{t('ticket.category')}</h2>
        <p className="category" data-testid="ticket-category">
          {ticket.categoryPath}
        </p>
        <h3>{t('ticket.description')}</h3>
        <p className="description">{ticket.description}</p>
      </section>
      <section className="panel" aria-labelledby="handling-title">
        <h2 id="handling-title">{t('ticket.handling')}</h2>
        <dl className="facts">
          {rows
            .filter(([, value]) => value !== null && value !== '')
            .map(([label, value, id]) => (
              <div key={label} className="fact" data-testid={id ? `fact-${id}` : undefined}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
        </dl>
      </section>
    </>
  );
}
