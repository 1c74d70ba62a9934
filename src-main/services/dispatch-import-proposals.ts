/**
 * Dispatch proposals for imported tickets (智能派单), made after the import.
 *
 * A proposal costs the model 0.1–0.2 ms (every n-gram of the text against
 * every category and department), which would add 10–20 s to a 100,000-row
 * import whose whole budget is three times plain inserts. So the import only
 * notes, in its own transaction, the ticket ids it inserted
 * (`DispatchStore.queueImport`), and the dispatch trainer, once it has
 * (re)trained after the import, proposes for them here a page at a time: each
 * page's proposals and the queue's cursor are written in one transaction, and
 * the trainer yields to the event loop between pages. Nothing is
 * half-written, and a console closed midway carries on where it stopped when
 * it next trains.
 *
 * For each ticket: the first category and department the model proposes for
 * its complaint text (retired values skipped, as at registration), with the
 * n-grams that decided each, and whether the CRM row's category is the one
 * proposed. The row has no department: whether the proposal is taken is
 * decided by the ticket's first transfer (db/dispatch-stats.ts).
 */
import { guess } from '../core/dispatch/model';
import { DispatchStore, type ImportedTicket } from '../db/dispatch-store';
import { inTransaction, type ServiceContext } from './context';
import { lists } from './lists';
import type { TrainedModel } from './dispatch-training';

/** Tickets proposed for between two yields to the event loop (~50–100 ms of work). */
export const IMPORT_PROPOSAL_PAGE = 500;

/** The proposal for each ticket with the values the branch still uses. */
function proposerFor(ctx: ServiceContext, trained: TrainedModel): (t: ImportedTicket) => ReturnType<typeof guess> {
  const categories = new Set(ctx.categories.list().map((c) => c.id));
  const departments = new Set(lists(ctx).values('department').filter((v) => v.active).map((v) => v.name));
  return (t) =>
    guess(
      trained.model,
      t.description,
      (id) => categories.has(id),
      (name) => departments.has(name),
    );
}

/**
 * Propose for one page of the oldest import waiting, in one transaction with
 * its cursor. Returns how many tickets the page held, or null when no import
 * is waiting.
 */
export function proposeImportedPage(ctx: ServiceContext, trained: TrainedModel, pageSize = IMPORT_PROPOSAL_PAGE): number | null {
  const store = new DispatchStore(ctx.db);
  const propose = proposerFor(ctx, trained);
  return inTransaction(ctx, () => {
    const queued = store.nextQueued();
    if (!queued) return null;
    const page = store.importedPage(queued.nextId, queued.lastId, pageSize);
    const at = ctx.now();
    for (const t of page) {
      const g = propose(t);
      const category = g.category?.ranked[0]?.value ?? null;
      const department = g.department?.ranked[0]?.value ?? null;
      if (category === null && department === null) continue;
      store.record({
        ticketId: t.id,
        proposedAt: at,
        source: 'import',
        categoryId: category,
        department,
        categoryTaken: category !== null && category === t.categoryId,
        // Decided by the ticket's first transfer, not here: the CRM row has no department.
        departmentTaken: false,
        accepted: false,
        modelTickets: trained.tickets,
        categoryReasons: category === null ? null : g.category!.reasons.map((r) => r.gram),
        departmentReasons: department === null ? null : g.department!.reasons.map((r) => r.gram),
      });
    }
    store.advanceQueue(queued, page.length < pageSize ? queued.lastId + 1 : page.at(-1)!.id + 1);
    return page.length;
  });
}

/** Propose for every import waiting, a page at a time, `pause` between pages (it may throw to stop). Returns the tickets seen. */
export async function proposeQueuedImports(ctx: ServiceContext, trained: TrainedModel, pause: () => Promise<void>, pageSize = IMPORT_PROPOSAL_PAGE): Promise<number> {
  let seen = 0;
  for (;;) {
    const n = proposeImportedPage(ctx, trained, pageSize);
    if (n === null) return seen;
    seen += n;
    await pause();
  }
}
