/**
 * Repeat complaints (重复投诉) among imported tickets: the same phone complains
 * again within the repeat window (30 days, *default*). A CRM file is not sorted
 * by time, so an imported ticket is marked when an earlier complaint exists,
 * and a later complaint already in the database is marked when its earlier one
 * arrives — the result does not depend on row order.
 *
 * Each phone's complaints are read from the database once per import
 * (tickets_phone) and kept in time order as rows land, so a file with
 * thousands of rows for one number costs a binary search per row, not a read
 * of every complaint in the window (4,000 rows of one phone took ~40 s that way).
 */
import type { DetectionSettings } from '../../core/detection';
import type { ServiceContext } from '../context';
import { ImportLookups, type PhoneComplaint } from '../../db/import-lookups';

const DAY = 86_400_000;
/** Phones kept at once; past this the timelines are dropped and read again as needed (memory stays bounded). */
const MAX_PHONES = 50_000;

type Complaint = PhoneComplaint;

export interface RepeatCheck {
  phone: string;
  receivedAt: number;
  isRepeat: boolean;
  /** Later complaints within the window not yet marked: the new one makes them repeats. */
  later: Complaint[];
}

/** The first index whose receivedAt is ≥ t (before: > t when `after`). */
function bound(list: readonly Complaint[], t: number, after: boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const v = list[mid]!.receivedAt;
    if (v < t || (after && v === t)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class RepeatMarker {
  private readonly lookups;
  private readonly phones = new Map<string, Complaint[]>();
  /** How many times a phone's complaints were read from the database (tests count the work). */
  reads = 0;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly actorId: number | null,
    private readonly at: number,
    private readonly settings: DetectionSettings,
  ) {
    this.lookups = new ImportLookups(ctx.db);
  }

  private timeline(phone: string): Complaint[] {
    let list = this.phones.get(phone);
    if (!list) {
      if (this.phones.size >= MAX_PHONES) this.phones.clear();
      this.reads++;
      list = this.lookups.complaintsOf(phone);
      this.phones.set(phone, list);
    }
    return list;
  }

  /** Before inserting: is the new complaint a repeat, and which later complaints does it make repeats? */
  check(phone: string, receivedAt: number): RepeatCheck {
    const window = this.settings.repeatWindowDays * DAY;
    const list = this.timeline(phone);
    const first = bound(list, receivedAt - window, false);
    const isRepeat = first < list.length && list[first]!.receivedAt <= receivedAt;
    const later: Complaint[] = [];
    for (let i = bound(list, receivedAt, true); i < list.length && list[i]!.receivedAt <= receivedAt + window; i++) {
      if (!list[i]!.isRepeat) later.push(list[i]!);
    }
    return { phone, receivedAt, isRepeat, later };
  }

  /** After inserting ticket `id` as checked: mark the later complaints, each with its event. Returns their ids. */
  markLater(id: number, c: RepeatCheck): number[] {
    const list = this.timeline(c.phone);
    list.splice(bound(list, c.receivedAt, true), 0, { id, receivedAt: c.receivedAt, isRepeat: c.isRepeat });
    for (const t of c.later) {
      this.ctx.write.tickets.update(t.id, this.lookups.versionOf(t.id), { isRepeat: true }, this.at);
      t.isRepeat = true;
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
    return c.later.map((t) => t.id);
  }

  /** A stored ticket of this phone changed otherwise (its time, phone or status): read the phone again when next needed. */
  forget(phone: string): void {
    this.phones.delete(phone);
  }
}
