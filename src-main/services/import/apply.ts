/**
 * Phase two of an import: the staged rows become tickets, all in one
 * transaction (all of them land, or none). A new (channel, ticket number)
 * inserts a ticket; a known one is compared field by field and updated only
 * when something differs, with an `import_update` event saying what changed
 * from what to what. The ids of the new tickets are queued for their
 * dispatch proposals, made after the import. A dry run does the same lookups
 * and comparisons and writes nothing.
 */
import { ChangedBatches } from './changed-batches';
import { diffImported, newTicketFields, type ImportPatch } from '../../core/import/diff';
import type { ImportCounts } from '../../core/import/types';
import { inTransaction, type ServiceContext } from '../context';
import { detectionSettings } from '../settings';
import { ticketsChanged } from '../ticket-hooks';
import { markImportedCollectives } from '../collective';
import { RepeatMarker } from './repeats';
import { ImportLookups } from '../../db/import-lookups';
import { withPageCache } from '../../db/connection-scope';
import type { Staging, StagedRow } from '../../db/import-staging';
import type { HeldValues } from '../list-reviews';
import { NewTicketClocks } from './new-ticket-clocks';
import { DispatchStore } from '../../db/dispatch-store';

export interface ApplyOptions {
  actorId: number | null;
  /** The ticket fields the file's columns set. */
  fields: ReadonlyArray<keyof ImportPatch>;
  dryRun: boolean;
  /** Noted on each event: which file the change came from. */
  source: string;
  /** Collects the cities and districts held for review, with the tickets that carried them. */
  held?: HeldValues | undefined;
}

function hold(held: HeldValues | undefined, row: StagedRow, ticketId: number | null): void {
  if (!held) return;
  if (row.heldCity !== null) held.add('city', row.heldCity, ticketId);
  if (row.heldDistrict !== null) held.add('district', row.heldDistrict, ticketId);
}

/** The page cache during an import, in KiB. */
const IMPORT_CACHE_KIB = 64 * 1024;

/** Hooks hear about changed tickets in batches, so a million-row import never holds a million ids. */
const HOOK_BATCH = 500;

export function applyStaged(ctx: ServiceContext, staging: Staging, opts: ApplyOptions): ImportCounts {
  const counts: ImportCounts = { inserted: 0, updated: 0, unchanged: 0 };
  const lookups = new ImportLookups(ctx.db);
  const at = ctx.now();
  let clocks: NewTicketClocks | null = null;
  const changed = new ChangedBatches(HOOK_BATCH, (ids) => {
    if (opts.dryRun) return;
    ticketsChanged(ctx, ids, { clocksWritten: clocks?.written });
    const earliest = clocks?.takeEarliest() ?? null;
    if (earliest !== null) ctx.bus.emit('clocks-changed', { earliest });
    clocks?.written.clear();
  });
  /** Tickets changed by a later row (a repeat or collective flag): the hook computes their clocks afresh. */
  const changedAgain = (ids: readonly number[]) => {
    for (const id of ids) {
      clocks?.changedAgain(id);
      changed.add(id);
    }
  };

  const run = () => {
    const detection = detectionSettings(ctx);
    const repeats = opts.dryRun ? null : new RepeatMarker(ctx, opts.actorId, at, detection);
    // Rows inserted now get ids above this one: collective groups are looked for among them once all have landed.
    const idBefore = ctx.read.tickets.lastId();
    clocks = opts.dryRun ? null : NewTicketClocks.after(ctx.db, idBefore);
    for (const page of staging.pages()) {
      // A staged row is the ticket plus its line; better-sqlite3 ignores the extra named value.
      for (const ticket of page) {
        const current = lookups.storedTicket(ticket.channel, ticket.ticketNo);
        if (!current) {
          counts.inserted++;
          if (opts.dryRun) {
            hold(opts.held, ticket, null);
            continue;
          }
          // The console's arrival rules hold for imported rows too; the first event says what they changed.
          const { level, status, firstResponderId, firstResponderName, changes } = newTicketFields(ticket);
          const repeat = repeats!.check(ticket.phone, ticket.receivedAt);
          if (repeat.isRepeat) changes.isRepeat = [false, true];
          const row = Object.assign(ticket, {
            level,
            status,
            firstResponderId,
            firstResponderName,
            department: null,
            isRepeat: repeat.isRepeat,
            isCollective: false,
            createdAt: at,
            createdBy: opts.actorId,
          });
          const event = { at, actorId: opts.actorId, action: 'import_create', fromStatus: null, toStatus: status, changes, note: opts.source };
          // Its clocks from the row and this, its only event (the history the hook would read back).
          const planned = clocks?.plan(row, [{ at, action: event.action, from: null, to: status }]) ?? null;
          const id = ctx.write.tickets.insert(Object.assign(row, { clockColumns: planned?.columns ?? null, resolutionDueAt: planned?.resolutionDueAt ?? null }));
          ctx.write.tickets.addEvent({ ticketId: id, ...event });
          if (planned) clocks!.write(id, planned);
          hold(opts.held, ticket, id);
          changed.add(id);
          changedAgain(repeats!.markLater(id, repeat));
        } else {
          const { patch, changes } = diffImported(current, ticket, opts.fields);
          // Held for review only where the ticket has no value of its own yet.
          const heldRow = {
            ...ticket,
            heldCity: current.city === null ? ticket.heldCity : null,
            heldDistrict: current.district === null ? ticket.heldDistrict : null,
          };
          hold(opts.held, heldRow, opts.dryRun ? null : current.id);
          if (Object.keys(changes).length === 0) {
            counts.unchanged++;
            continue;
          }
          counts.updated++;
          if (opts.dryRun) continue;
          ctx.write.tickets.update(current.id, current.version, patch, at);
          // Its time, phone or status may have moved: the repeat check reads both phones afresh.
          repeats?.forget(current.phone);
          repeats?.forget(ticket.phone);
          ctx.write.tickets.addEvent({
            ticketId: current.id,
            at,
            actorId: opts.actorId,
            action: 'import_update',
            fromStatus: current.status,
            toStatus: patch.status ?? current.status,
            changes,
            note: opts.source,
          });
          changed.add(current.id);
        }
      }
    }
    if (!opts.dryRun) changedAgain(markImportedCollectives(ctx, opts.actorId, idBefore, at, detection));
    if (!opts.dryRun) opts.held?.save(ctx, opts.source, at);
    // The new tickets are ids idBefore + 1 … (one transaction, one writer): the console proposes their category and
    // department after the import (services/dispatch-import-proposals.ts), from this note made in the import's transaction.
    if (!opts.dryRun && counts.inserted > 0) new DispatchStore(ctx.db).queueImport(idBefore + 1, ctx.read.tickets.lastId(), at);
    changed.flush();
  };

  // A large import touches every index of the tickets table at random places: with SQLite's default
  // 2 MB page cache it spends its time evicting and re-reading pages. A bounded larger cache for
  // the duration of the import (it does not grow with the file) keeps the working set in memory.
  withPageCache(ctx.db, IMPORT_CACHE_KIB, () => {
    // A dry run still reads in one transaction, so its counts describe one consistent state.
    if (opts.dryRun) ctx.db.transaction(run)();
    else inTransaction(ctx, run);
  });
  return counts;
}
