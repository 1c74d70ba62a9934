/**
 * What the report filters offer: districts and departments that occur, and the
 * subscriber count. Districts come from the tickets by a skip-scan of the
 * district index (one seek per distinct value, not a pass over a million rows);
 * departments from the user accounts (the page adds any other department the
 * report itself found, since tickets.department has no index to skip-scan).
 */
import { TicketReader } from '../../db/ticket-reader';
import { UserReader } from '../../db/users';
import type { ServiceContext } from '../context';
import { branchSubscribers } from './settings';

export interface ReportOptions {
  districts: string[];
  departments: string[];
  subscribers: number | null;
}

export function reportOptions(ctx: ServiceContext): ReportOptions {
  return { districts: new TicketReader(ctx.db).districts(), departments: new UserReader(ctx.db).departments(), subscribers: branchSubscribers(ctx) };
}
