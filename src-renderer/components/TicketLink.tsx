import { useQuery } from '../state/useQuery';
import { ticketHref } from '../state/route';

/** A link to a ticket by id, labelled with its ticket number once known. */
export function TicketLink({ id }: { id: number }) {
  const q = useQuery('tickets/get', { id });
  return (
    <a href={ticketHref(id)} className="ticket-link">
      {q.data?.ticket.ticketNo ?? `#${id}`}
    </a>
  );
}

export function TicketLinks({ ids }: { ids: readonly number[] }) {
  return (
    <span className="ticket-links">
      {ids.map((id) => (
        <TicketLink key={id} id={id} />
      ))}
    </span>
  );
}
