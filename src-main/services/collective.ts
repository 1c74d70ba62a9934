/**
 * Collective complaints (集体投诉): 3 or more different customers (*default*)
 * in the same district and category within 24 hours (*default*). The rule is
 * core/detection.ts; this file fetches the neighbours and flags the group, each
 * flagged ticket with its `flag_collective` event naming the others. The
 * console proposes raising the group to major; nothing here changes a level.
 * Registration checks one new ticket; an import checks all its new tickets at
 * once, against each other and the database, so a ticket is flagged the same
 * whichever way it arrived.
 */
import { collectiveRuns, collectiveWindow, findCollective, type DetectionSettings } from '../core/detection';
import type { ServiceContext } from './context';
import { ImportLookups } from '../db/import-lookups';

const HOUR = 3_600_000;
/** The ids a flag_collective note lists: enough to follow, bounded for a flood of one district's complaints. */
const NOTE_IDS = 20;

export interface CollectiveCandidate {
  id: number;
  phone: string;
  district: string | null;
  categoryId: number;
  receivedAt: number;
}

function flag(ctx: ServiceContext, actorId: number | null, ids: readonly number[], now: number): number[] {
  const flagged: number[] = [];
  for (const tid of ids) {
    const member = ctx.read.tickets.collectiveState(tid)!;
    if (member.isCollective) continue;
    ctx.write.tickets.update(tid, member.version, { isCollective: true }, now);
    ctx.write.tickets.addEvent({
      ticketId: tid,
      at: now,
      actorId,
      action: 'flag_collective',
      fromStatus: member.status,
      toStatus: member.status,
      changes: { isCollective: [false, true] },
      note: ids.filter((x) => x !== tid).slice(0, NOTE_IDS).join(','),
    });
    flagged.push(tid);
  }
  return flagged;
}

/** Flag ticket `t` and its group when they make a collective complaint; returns the others' ids, or null. */
export function markCollective(
  ctx: ServiceContext,
  actorId: number | null,
  t: CollectiveCandidate,
  now: number,
  settings: DetectionSettings,
): number[] | null {
  const district = t.district?.trim();
  if (!district) return null;
  const [from, to] = collectiveWindow(t.receivedAt, settings);
  const nearby = ctx.read.tickets.inDistrictCategory(district, t.categoryId, from, to).filter((n) => n.id !== t.id);
  const group = findCollective(t.receivedAt, t.phone, nearby, settings);
  if (!group) return null;
  const ids = [t.id, ...group.map((g) => g.id)];
  flag(ctx, actorId, ids, now);
  return ids.filter((x) => x !== t.id);
}

/**
 * After an import has inserted tickets with ids above `idBefore`: flag every
 * collective group holding at least one of them. One pass per district and
 * category the import touched, over the tickets of the span it covers.
 * Returns the ids flagged.
 */
export function markImportedCollectives(ctx: ServiceContext, actorId: number | null, idBefore: number, now: number, settings: DetectionSettings): number[] {
  const span = settings.collectiveWindowHours * HOUR;
  const lookups = new ImportLookups(ctx.db);
  const flagged: number[] = [];
  for (const g of lookups.groupsAfter(idBefore)) {
    const sorted = lookups.groupMembers(idBefore, g, g.first - span, g.last + span);
    // One id at a time: a run may hold more tickets than a call takes arguments (an import of a million rows).
    for (const run of collectiveRuns(sorted, settings)) for (const id of flag(ctx, actorId, run.map((m) => m.id), now)) flagged.push(id);
  }
  return flagged;
}
