import { CHANNELS, STATUSES, type Channel, type Status } from '../../core/enums';
import { isoInZone } from '../../core/time';
import { branchSettings } from '../../services/settings';
import { intOption, UsageError, type Command } from '../command';
import { withContext } from '../open-context';

interface TicketLine {
  ticket_no: string;
  channel: string;
  status: string;
  level: string;
  received_at: string;
  category: string;
  district: string | null;
}

export const tickets: Command = {
  name: 'tickets',
  summary: 'list tickets, newest first',
  usage: 'tickets [--status S] [--channel C] [--limit N]',
  options: { status: { type: 'string' }, channel: { type: 'string' }, limit: { type: 'string' } },
  run: (env) => {
    const status = env.values.status as string | undefined;
    const channel = env.values.channel as string | undefined;
    if (status && !STATUSES.includes(status as Status)) throw new UsageError(`--status must be one of ${STATUSES.join(', ')}`);
    if (channel && !CHANNELS.includes(channel as Channel)) throw new UsageError(`--channel must be one of ${CHANNELS.join(', ')}`);
    const limit = intOption(env, 'limit', 50)!;
    return withContext(env, (ctx) => {
      const zone = branchSettings(ctx).zone;
      const filter = { status: status ? [status as Status] : undefined, channel: channel ? [channel as Channel] : undefined };
      // The CLI is for IT staff and scheduled jobs: it reads the raw table, so phones are not in its output at all.
      const out: TicketLine[] = [];
      const pageSize = 500;
      for (let offset = 0; out.length < limit; offset += pageSize) {
        const page = ctx.read.tickets.page({ offset, limit: Math.min(pageSize, limit - out.length), filter }, env.now());
        for (const r of page.rows) {
          out.push({
            ticket_no: r.ticketNo,
            channel: r.channel,
            status: r.status,
            level: r.level,
            received_at: isoInZone(r.receivedAt, zone),
            category: r.categoryPath,
            district: r.district,
          });
        }
        if (page.rows.length === 0 || offset + pageSize >= page.total) break;
      }
      return out;
    });
  },
  human: (rows: TicketLine[]) =>
    rows.length === 0
      ? '(no tickets)'
      : rows.map((r) => [r.ticket_no, r.channel, r.status, r.level, r.received_at, r.category].join('\t')).join('\n'),
};
