import { useTranslation } from 'react-i18next';
import type { CreatedTicket } from '../api/types';
import { Alert } from '../components/Alert';
import { TicketLinks } from '../components/TicketLink';
import { ticketHref } from '../state/route';

/** After registering: the new number, and the repeat / collective findings the server made. */
export function CreatedNotice({ result, onAnother }: { result: CreatedTicket; onAnother(): void }) {
  const { t } = useTranslation();
  const { ticket, repeatOf, collectiveWith } = result;
  return (
    <div className="created" data-testid="created-notice">
      <Alert kind="ok">{t('newTicket.created', { no: ticket.ticketNo })}</Alert>
      {repeatOf.length > 0 && (
        <Alert kind="warn" testId="repeat-notice">
          <p>{t('newTicket.repeatNotice', { count: repeatOf.length })}</p>
          <TicketLinks ids={repeatOf} />
        </Alert>
      )}
      {collectiveWith && collectiveWith.length > 0 && (
        <Alert kind="warn" testId="collective-notice">
          <p>{t('newTicket.collectiveNotice')}</p>
          <TicketLinks ids={collectiveWith} />
        </Alert>
      )}
      <div className="row-actions">
        <a className="btn primary" href={ticketHref(ticket.id)} autoFocus data-testid="open-created">
          {t('newTicket.openTicket')}
        </a>
        <button type="button" className="btn" onClick={onAnother}>
          {t('newTicket.another')}
        </button>
      </div>
    </div>
  );
}
