/**
 * Dispatch proposals (智能派单) for the people registering tickets: the
 * category and department the model (core/dispatch, trained by
 * dispatch-training.ts) proposes for a complaint's text, with the n-grams
 * that decided it; the record of each proposal made at registration and
 * whether it was taken; and the measure that says whether taking it helps —
 * how often a ticket whose proposed department was taken was transferred
 * again, against those where it was not.
 */
import { categoryPath } from '../core/categories';
import { guess } from '../core/dispatch/model';
import type { Reason } from '../core/dispatch/naive-bayes';
import { DispatchStore } from '../db/dispatch-store';
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

export interface TransferOutcome {
  tickets: number;
  /** Of those, transferred at least once since registration. */
  transferred: number;
  /** transferred ÷ tickets; null over none. */
  rate: number | null;
}

export interface DispatchStats {
  proposals: number;
  categoryTaken: number;
  departmentTaken: number;
  /** Taken with the form's one button. */
  accepted: number;
  /** Tickets with a department proposal, by whether they were registered to it. */
  taken: TransferOutcome;
  notTaken: TransferOutcome;
}

/** Proposals made in [from, to) and what became of their tickets. */
export function dispatchStats(ctx: ServiceContext, from: number, to: number): DispatchStats {
  const store = new DispatchStore(ctx.db);
  const counts = store.takenCounts(from, to);
  const rows = store.transferOutcome(from, to);
  const outcome = (taken: 0 | 1): TransferOutcome => {
    const r = rows.find((x) => x.taken === taken);
    const tickets = r?.tickets ?? 0;
    const transferred = r?.transferred ?? 0;
    return { tickets, transferred, rate: tickets ? transferred / tickets : null };
  };
  return { ...counts, taken: outcome(1), notTaken: outcome(0) };
}
