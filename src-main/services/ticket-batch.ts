/**
 * A supervisor's batch transfer: several tickets to one department (and
 * person) at once. Each ticket goes through the same transfer as on its own
 * page — its own event, its clocks — inside one transaction for the batch; a
 * ticket the rules refuse (closed, changed meanwhile, not found) is left as
 * it was and reported with the reason, and the others go ahead. A failure of
 * anything else undoes the whole batch: never half a batch on disk.
 */
import type { UserInfo } from '../core/model';
import { DomainError } from '../core/errors';
import { inTransaction, type ServiceContext } from './context';
import { actOnTicket } from './tickets';
import { chosenValue } from './lists';

export interface BatchTransferInput {
  items: Array<{ id: number; version: number }>;
  department: string;
  assigneeId: number | null;
  reason?: string | undefined;
}

export interface BatchRefusal {
  id: number;
  ticketNo: string | null;
  error: DomainError;
}

export interface BatchTransferResult {
  transferred: number[];
  refused: BatchRefusal[];
}

export function transferMany(ctx: ServiceContext, actor: UserInfo, input: BatchTransferInput): BatchTransferResult {
  // A department not on the list refuses the batch as a whole, not each ticket in turn.
  chosenValue(ctx, 'department', input.department);
  return inTransaction(ctx, () => {
    const transferred: number[] = [];
    const refused: BatchRefusal[] = [];
    for (const item of input.items) {
      try {
        // A nested transaction is a savepoint: a refused ticket leaves nothing behind.
        inTransaction(ctx, () =>
          actOnTicket(ctx, actor, item.id, item.version, {
            type: 'transfer',
            department: input.department,
            assigneeId: input.assigneeId,
            ...(input.reason ? { reason: input.reason } : {}),
          }),
        );
        transferred.push(item.id);
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        refused.push({ id: item.id, ticketNo: ctx.read.tickets.get(item.id)?.ticketNo ?? null, error: e });
      }
    }
    return { transferred, refused };
  });
}
