/**
 * The administrator's lists (departments, cities, districts): add, rename
 * (or merge into another value), retire and restore; and the check every
 * form's value goes through. Each change is in the audit log.
 */
import { DomainError } from '../core/errors';
import type { UserInfo } from '../core/model';
import { choiceProblem, cleanListName, listNameProblem, type ListKind, type ListValue } from '../core/lists/rules';
import { ListStore } from '../db/lists';
import { inTransaction, type ServiceContext } from './context';

export const lists = (ctx: ServiceContext): ListStore => new ListStore(ctx.db);

export function listValues(ctx: ServiceContext): ListValue[] {
  return lists(ctx).values();
}

/**
 * A value typed or chosen in a form, checked against its list: blank is
 * null (the field is optional), an active value passes, anything else is
 * refused with the list named. Returns the value as stored.
 */
export function chosenValue(ctx: ServiceContext, kind: ListKind, typed: string | null | undefined): string | null {
  const name = typed === null || typed === undefined ? '' : cleanListName(typed);
  if (name === '') return null;
  const why = choiceProblem(kind, name, lists(ctx).values(kind));
  // The field is named in the details, so a form marks the right control.
  if (why) throw new DomainError('list_value', { kind, value: name, why }, { field: kind });
  return name;
}

function checkedName(kind: ListKind, typed: string): string {
  const name = cleanListName(typed);
  const problem = listNameProblem(name);
  if (problem) throw new DomainError('list_value', { kind, value: name, why: `name_${problem}` });
  return name;
}

export function addListValue(ctx: ServiceContext, actor: UserInfo, kind: ListKind, typed: string): ListValue {
  const name = checkedName(kind, typed);
  return inTransaction(ctx, () => {
    const store = lists(ctx);
    const existing = store.find(kind, name);
    if (existing) throw new DomainError('list_value', { kind, value: name, why: existing.active ? 'taken' : 'taken_retired' });
    const id = store.add(kind, name);
    ctx.audit.add(ctx.now(), actor.id, 'list.add', name, { kind });
    return store.get(id)!;
  });
}

export interface RenameOutcome {
  value: ListValue;
  /** True when the new name was already on the list: the two became one. */
  merged: boolean;
  /** Tickets whose field now carries the new name. */
  tickets: number;
}

/**
 * Rename a value, everywhere it is written: tickets, a department's
 * collaborators and accounts, mappings from the review list. Renaming to a
 * name the list already has merges the two (网络部门 into 网络部): one value
 * stays, the tickets of both carry it. Ticket histories keep what was written then.
 */
export function renameListValue(ctx: ServiceContext, actor: UserInfo, id: number, typed: string): RenameOutcome {
  return inTransaction(ctx, () => {
    const store = lists(ctx);
    const current = store.get(id);
    if (!current) throw new DomainError('not_found', { what: 'list value', id });
    const name = checkedName(current.kind, typed);
    if (name === current.name) return { value: current, merged: false, tickets: 0 };
    const now = ctx.now();
    const into = store.find(current.kind, name);
    if (into) store.remove(id);
    else store.setName(id, name);
    const tickets = store.replaceEverywhere(current.kind, current.name, name, now);
    ctx.audit.add(now, actor.id, into ? 'list.merge' : 'list.rename', name, { kind: current.kind, from: current.name, tickets });
    return { value: into ?? store.get(id)!, merged: into !== undefined, tickets };
  });
}

/** Retire a value (kept on its tickets and in reports, no longer offered) or bring it back. */
export function setListValueActive(ctx: ServiceContext, actor: UserInfo, id: number, active: boolean): ListValue {
  return inTransaction(ctx, () => {
    const store = lists(ctx);
    const current = store.get(id);
    if (!current) throw new DomainError('not_found', { what: 'list value', id });
    if (current.active === active) return current;
    store.setActive(id, active);
    ctx.audit.add(ctx.now(), actor.id, active ? 'list.restore' : 'list.retire', current.name, { kind: current.kind });
    return store.get(id)!;
  });
}
