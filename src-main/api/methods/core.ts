/** Contract methods of the foundation: sign-in, reference data, tickets, users, settings. */
import { method } from '../define';
import * as s from '../schemas';
import type { Category, Page, Ticket, TicketEvent, TicketRow, UserInfo } from '../../core/model';
import type { ActionType } from '../../core/lifecycle';
import type { OpenTransferRequest } from '../../core/ticket-roles';
import type { BranchSettings } from '../../services/settings';
import type { ClockView } from '../../services/deadlines';
import type { AssigneeCount, WorkloadRow } from '../../services/workload';
import type { DemoStatus } from '../../services/demo';

export interface AuthStatus {
  needsSetup: boolean;
  user: UserInfo | null;
  branch: BranchSettings;
  /** Minutes of inactivity after which the console locks. */
  lockAfterMinutes: number;
}

export interface TicketDetail {
  ticket: Ticket;
  allowedActions: ActionType[];
  /** An agent's request to transfer this ticket, waiting for a supervisor. */
  transferRequest: OpenTransferRequest | null;
  history: TicketEvent[];
  /** Deadline clocks with their state now, pauses included. */
  clocks: ClockView[];
}

/** A batch transfer's outcome: the tickets moved, and each refused one with the reason in both languages. */
export interface TransferManyResult {
  transferred: number[];
  refused: Array<{ id: number; ticketNo: string | null; code: string; message: { 'zh-CN': string; en: string } }>;
}

export interface CreatedTicket {
  ticket: Ticket;
  repeatOf: number[];
  collectiveWith: number[] | null;
}

export const coreMethods = {
  'auth/status': method<AuthStatus>()('public', s.empty),
  'auth/setup': method<AuthStatus>()('public', s.setupInput),
  'auth/login': method<AuthStatus>()('public', s.loginInput),
  'auth/logout': method<null>()('public', s.empty),
  'auth/changePassword': method<UserInfo>()('agent', s.changePasswordInput),

  'meta/categories': method<Category[]>()('agent', s.empty),
  'meta/users': method<UserInfo[]>()('agent', s.empty),

  'tickets/list': method<Page<TicketRow>>()('agent', s.ticketPageInput),
  'tickets/get': method<TicketDetail>()('agent', s.byId),
  'tickets/create': method<CreatedTicket>()('agent', s.newTicketInput),
  'tickets/act': method<TicketDetail>()('agent', s.actInput),
  'tickets/revealPhone': method<{ phone: string }>()('agent', s.byId),
  'tickets/transferMany': method<TransferManyResult>()('supervisor', s.transferManyInput),
  'tickets/workload': method<WorkloadRow[]>()('supervisor', s.empty),
  /** The list's 按处理人 view: its tickets per assignee under the list's filter (the assignee part left out). */
  'tickets/byAssignee': method<AssigneeCount[]>()('supervisor', s.byAssigneeInput),

  'users/create': method<UserInfo>()('admin', s.newUserInput),
  'users/resetPassword': method<UserInfo>()('admin', s.resetPasswordInput),
  'users/setActive': method<UserInfo>()('admin', s.setActiveInput),
  'settings/branch': method<BranchSettings>()('admin', s.branchInput),
  'demo/load': method<{ tickets: number }>()('admin', s.empty),
  /** Whether demo data may be loaded (an empty database) and how many demo tickets there are: for 设置 and Today's notes. */
  'demo/status': method<DemoStatus>()('agent', s.empty),
  /** Every demo ticket with its history and refunds, deleted together and audited. */
  'demo/remove': method<{ tickets: number; refunds: number }>()('admin', s.empty),
};
