import { useTranslation } from 'react-i18next';
import type { Ticket } from '../api/types';
import { ChannelLabel, DemoBadge, FlagBadges, LevelBadge, StatusBadge } from '../components/Badges';
import { Icon } from '../components/Icon';
import { formatDateTime } from '../lib/time';
import { useBranch } from '../state/session';

export function TicketHeader({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const { zone } = useBranch();
  return (
    <header className="ticket-head">
      <a href="#/tickets" className="back" title={t('ticket.back')}>
        <Icon name="back" size={18} />
        <span className="sr-only">{t('ticket.back')}</span>
      </a>
      <h1 data-testid="ticket-no">{ticket.ticketNo}</h1>
      {ticket.isDemo && <DemoBadge />}
      <LevelBadge level={ticket.level} />
      <span data-testid="ticket-status">
        <StatusBadge status={ticket.status} />
      </span>
      <ChannelLabel channel={ticket.channel} />
      <FlagBadges repeat={ticket.isRepeat} collective={ticket.isCollective} />
      {ticket.reopenCount > 0 && <span className="badge">{t('ticket.reopened', { count: ticket.reopenCount })}</span>}
      <span className="spacer" />
      <span className="muted">
        {t('ticket.received')} <span className="num">{formatDateTime(ticket.receivedAt, zone)}</span>
      </span>
    </header>
  );
}
