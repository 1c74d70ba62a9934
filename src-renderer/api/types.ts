/**
 * The backend's shapes, as types only: nothing from src-main runs in the
 * renderer. The contract is the single source of truth for method names,
 * inputs and outputs.
 */
export type { MethodName, InputOf, OutputOf, AuthStatus, TicketDetail, CreatedTicket } from '../../src-main/api/contract';
export type { ApiResponse, ApiError } from '../../src-main/api/define';
export type {
  Category,
  Page,
  Ticket,
  TicketEvent,
  TicketFilter,
  TicketRow,
  TicketSortField,
  UserInfo,
} from '../../src-main/core/model';
export type { Channel, Level, Role, Satisfaction, Status } from '../../src-main/core/enums';
export type { ActionType, TicketAction } from '../../src-main/core/lifecycle';
export type { BranchSettings } from '../../src-main/services/settings';
