/**
 * Contract methods of the kept lists (departments, cities, districts): every
 * signed-in user reads them (the forms choose from them); an administrator
 * adds, renames (or merges), retires and restores values, and maps the values
 * imports held for review. Accounts are edited here too (name, role, department).
 */
import { z } from 'zod';
import { method } from '../define';
import { LIST_KINDS, MAX_LIST_NAME, type ListValue } from '../../core/lists/rules';
import { ROLES } from '../../core/enums';
import type { UserInfo } from '../../core/model';
import type { ListReview } from '../../db/lists';
import type { RenameOutcome } from '../../services/lists';
import type { ResolvedReview } from '../../services/list-reviews';

const id = z.number().int().positive();
const name = z.string().trim().min(1).max(MAX_LIST_NAME);

export const listAddInput = z.object({ kind: z.enum(LIST_KINDS), name }).strict();
export const listRenameInput = z.object({ id, name }).strict();
export const listActiveInput = z.object({ id, active: z.boolean() }).strict();
export const reviewResolveInput = z
  .object({ id, mapTo: name.optional(), addAs: name.optional() })
  .strict()
  .refine((v) => (v.mapTo === undefined) !== (v.addAs === undefined), { message: 'mapTo or addAs, one of them', path: ['mapTo'] });
export const userUpdateInput = z
  .object({
    userId: id,
    displayName: z.string().trim().min(1).max(40),
    role: z.enum(ROLES),
    department: z.string().trim().max(MAX_LIST_NAME).nullish(),
  })
  .strict();

export const listMethods = {
  'lists/all': method<ListValue[]>()('agent', z.object({}).strict()),
  'lists/add': method<ListValue>()('admin', listAddInput),
  'lists/rename': method<RenameOutcome>()('admin', listRenameInput),
  'lists/setActive': method<ListValue>()('admin', listActiveInput),
  'lists/reviews': method<ListReview[]>()('admin', z.object({}).strict()),
  'lists/resolveReview': method<ResolvedReview>()('admin', reviewResolveInput),
  'users/update': method<UserInfo>()('admin', userUpdateInput),
};
