/**
 * Repeat complaints (重复投诉) among imported tickets: the same phone complains
 * again within the repeat window (30 days, *default*). A CRM file is not sorted
 * by time, so an imported ticket is marked when an earlier complaint exists,
 * and a later complaint already in the database is marked when its earlier one
 * arrives — the result does not depend on row order. One indexed query per new
 * ticket (tickets_phone: phone, received_at).
 */
import type { DetectionSettings } from '../../core/detection';
import type { ServiceContext } from '../context';

const DAY = 86_400_000;

export class RepeatMarker {
  private readonly nearby;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly actorId: number | null,
    private readonly at: number,
    private readonly settings: DetectionSettings,
  ) {
    this.nearby = ctx.db.prepare(
      `SELECT id, version, received_at AS receivedAt, is_repeat AS isRepeat FROM tickets
       WHERE phone = ? AND received_at BETWEEN ? AND ? AND status <> 'voided'`,
    );
  }

  /** Before inserting: is the new complaint a repeat, and which later complaints does it make repeats? */
  check(phone: string, receivedAt: number): { isRepeat: boolean; later: Array<{ id: number; version: number }> } {
    const window = this.settings.repeatWindowDays * DAY;
    const rows = this.nearby.all(phone, receivedAt - window, receivedAt + window) as Array<{
      id: number;
      version: number;
      receivedAt: number;
      isRepeat: number;
    }>;
    return {
      isRepeat: rows.some((r) => r.receivedAt <= receivedAt),
      later: rows.filter((r) => r.receivedAt > receivedAt && r.isRepeat === 0),
    };
  }

  /** After inserting ticket `id`: mark the later complaints, each with its event. Returns their ids. */
  markLater(id: number, later: ReadonlyArray<{ id: number; version: number }>): number[] {
    for (const t of later) {
      this.ctx.write.tickets.update(t.id, t.version, { isRepeat: true }, this.at);
      this.ctx.write.tickets.addEvent({
        ticketId: t.id,
        at: this.at,
        actorId: this.actorId,
        action: 'flag_repeat',
        fromStatus: null,
        toStatus: null,
        changes: { isRepeat: [false, true] },
        note: `repeat_of:${id}`,
      });
    }
    return later.map((t) => t.id);
  }
}
