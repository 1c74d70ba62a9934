/**
 * Dispatch proposals (智能派单) for the people registering tickets: the
 * category and department the model (core/dispatch, trained by
 * dispatch-training.ts) proposes for a complaint's text, with the n-grams
 * that decided it; the record of each proposal made at registration, on a
 * transfer (and, by dispatch-import-proposals.ts, for imported tickets) and
 * whether it was taken; and the measure that says whether taking it helps —
 * how often a ticket whose proposed department was taken was transferred
 * again, against those where it was not, per source.
 */
import { categoryPath } from '../core/categories';
import { guess } from '../core/dispatch/model';
import type { Reason } from '../core/dispatch/naive-bayes';
import { DispatchStore } from '../db/dispatch-store';
import { DispatchStatsReader } from '../db/dispatch-stats';
import { lists } from './lists';
import type { ServiceContext } from './context';
import { dispatchTrainer } from './dispatch-training';

export interface CategoryOption {
  categoryId: number;
  /** The top level it sits under (itself for a top level without children). */
  topCategoryId: number;
  /** "一级/二级". */
  path: string;
  probability: number;
}

export interface DepartmentOption {
  department: string;
  probability: number;
}

export interface DispatchProposal {
  /**
   * What the model learnt from; null while the first training is still under way. `departmentTickets`: those
   * of the tickets that had a department (only they teach it; a ticket imported from the CRM has none).
   */
  model: { tickets: number; departmentTickets: number; from: number; to: number; evidence: { category: number; department: number } } | null;
  category: { options: CategoryOption[]; reasons: Reason[] } | null;
  department: { options: DepartmentOption[]; reasons: Reason[] } | null;
}

/** The top three categories and departments for the text, each with the n-grams behind the first. */
export function proposeDispatch(ctx: ServiceContext, text: string): DispatchProposal {
  const trained = dispatchTrainer(ctx).current();
  if (!trained) return { model: null, category: null, department: null };
  const active = ctx.categories.list();
  const byId = new Map(active.map((c) => [c.id, c]));
  const departments = new Set(lists(ctx).values('department').filter((v) => v.active).map((v) => v.name));
  const g = guess(trained.model, text, (id) => byId.has(id), (name) => departments.has(name));
  return {
    model: { tickets: trained.tickets, departmentTickets: trained.model.department.docs, from: trained.from, to: trained.to, evidence: trained.evidence },
    category: g.category && {
      options: g.category.ranked.map((r) => {
        const node = byId.get(r.value)!;
        return { categoryId: node.id, topCategoryId: node.parentId ?? node.id, path: categoryPath(node, byId), probability: r.probability };
      }),
      reasons: g.category.reasons,
    },
    department: g.department && {
      options: g.department.ranked.map((r) => ({ department: r.value, probability: r.probability })),
      reasons: g.department.reasons,
    },
  };
}

/** What the registration form showed: the first proposal of each, and whether its one button was pressed. */
export interface ShownProposal {
  categoryId: number | null;
  department: string | null;
  accepted: boolean;
}

/** Record, inside the registration's transaction, the proposal shown and whether the ticket took it. */
export function recordFormProposal(
  ctx: ServiceContext,
  ticketId: number,
  shown: ShownProposal,
  registered: { categoryId: number; department: string | null },
  at: number,
): void {
  if (shown.categoryId === null && !shown.department) return;
  new DispatchStore(ctx.db).record({
    ticketId,
    proposedAt: at,
    source: 'form',
    categoryId: shown.categoryId,
    department: shown.department || null,
    categoryTaken: shown.categoryId !== null && shown.categoryId === registered.categoryId,
    departmentTaken: !!shown.department && shown.department.trim() === (registered.department?.trim() ?? ''),
    accepted: shown.accepted,
    modelTickets: dispatchTrainer(ctx).current()?.tickets ?? 0,
  });
}

/** What the transfer form showed: the first department proposed, and whether its one button was pressed. */
export interface ShownTransferProposal {
  department: string;
  accepted: boolean;
}

/** Record, inside the transfer's transaction, the department the form proposed and whether the ticket went there. */
export function recordTransferProposal(ctx: ServiceContext, ticketId: number, eventId: number, shown: ShownTransferProposal, transferredTo: string, at: number): void {
  const department = shown.department.trim();
  if (!department) return;
  const taken = department === transferredTo.trim();
  new DispatchStore(ctx.db).recordTransfer({
    eventId,
    ticketId,
    proposedAt: at,
    department,
    departmentTaken: taken,
    // The button counts only if the form still held its department when confirmed.
    accepted: shown.accepted && taken,
    modelTickets: dispatchTrainer(ctx).current()?.tickets ?? 0,
  });
}

/** The proposal recorded when a ticket arrived, as its page shows it (an imported ticket's department is proposed there). */
export interface RecordedProposal {
  source: 'form' | 'import';
  proposedAt: number;
  category: { categoryId: number; path: string; reasons: string[] } | null;
  department: { department: string; reasons: string[] } | null;
  modelTickets: number;
}

export function recordedProposal(ctx: ServiceContext, ticketId: number): RecordedProposal | null {
  const p = new DispatchStore(ctx.db).arrivalProposal(ticketId);
  if (!p) return null;
  const all = ctx.categories.all();
  const byId = new Map(all.map((c) => [c.id, c]));
  const node = p.categoryId === null ? undefined : byId.get(p.categoryId);
  return {
    source: p.source,
    proposedAt: p.proposedAt,
    category: node ? { categoryId: node.id, path: categoryPath(node, byId), reasons: p.categoryReasons } : null,
    department: p.department ? { department: p.department, reasons: p.departmentReasons } : null,
    modelTickets: p.modelTickets,
  };
}

export interface TransferOutcome {
  tickets: number;
  /** Of those, transferred again (what "again" means depends on the source: DispatchStatsReader). */
  transferred: number;
  /** transferred ÷ tickets; null over none. */
  rate: number | null;
}

export interface SourceStats {
  proposals: number;
  /** Proposals whose category the ticket has (registered, or brought by the CRM row); null for transfers, which propose none. */
  categoryTaken: number | null;
  /** Proposals whose department the ticket went to (for an import: by its first transfer). */
  departmentTaken: number;
  /** Taken with the one button; null for imports, which nobody saw being made. */
  accepted: number | null;
  /** Tickets with a department proposal, by whether it was taken, and how many of each were transferred again. */
  taken: TransferOutcome;
  notTaken: TransferOutcome;
  /** Imports only: tickets with a department proposal not transferred yet (taken or not is undecided); null elsewhere. */
  undecided: number | null;
}

export interface DispatchStats {
  /** Registered with the form's proposal shown. */
  form: SourceStats;
  /** Imported from the CRM and proposed for after the import. */
  import: SourceStats;
  /** Transferred (转派) with the form's department proposal shown. */
  transfer: SourceStats;
}

function outcome(rows: ReadonlyArray<{ taken: number; tickets: number; transferred: number }>, taken: 0 | 1): TransferOutcome {
  const r = rows.find((x) => x.taken === taken);
  const tickets = r?.tickets ?? 0;
  const transferred = r?.transferred ?? 0;
  return { tickets, transferred, rate: tickets ? transferred / tickets : null };
}

/** Proposals made in [from, to) and what became of their tickets, per source. */
export function dispatchStats(ctx: ServiceContext, from: number, to: number): DispatchStats {
  const read = new DispatchStatsReader(ctx.db);
  const formRows = read.formOutcome(from, to);
  const form = read.arrivalCounts('form', from, to);
  const importRows = read.importOutcome(from, to);
  const imported = read.arrivalCounts('import', from, to);
  const transferRows = read.transferOutcome(from, to);
  const transfer = read.transferCounts(from, to);
  return {
    form: { ...form, taken: outcome(formRows, 1), notTaken: outcome(formRows, 0), undecided: null },
    import: {
      proposals: imported.proposals,
      categoryTaken: imported.categoryTaken,
      departmentTaken: outcome(importRows, 1).tickets,
      accepted: null,
      taken: outcome(importRows, 1),
      notTaken: outcome(importRows, 0),
      undecided: importRows.find((r) => r.taken === 2)?.tickets ?? 0,
    },
    transfer: { ...transfer, categoryTaken: null, taken: outcome(transferRows, 1), notTaken: outcome(transferRows, 0), undecided: null },
  };
}
