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
export type { DeadlineSummary } from '../../src-main/api/methods/deadlines';
export type { Health, CheckRecord, BackupRecord } from '../../src-main/services/integrity';
export type { ClockView, DeadlineCounts, UrgentClock } from '../../src-main/services/deadlines';
export type { TicketsAtRisk } from '../../src-main/services/deadline-tickets';
export type { TimeLeftTones } from '../../src-main/core/sla/time-left';
export type { ClockKind } from '../../src-main/core/sla/policy';
export type { ClockState } from '../../src-main/core/sla/clock';
export type { Alert, AlertBatch, AlertEntry } from '../../src-main/core/sla/alert-model';
export type { UploadReminder } from '../../src-main/core/export/reminders';
export type { WarningNotices, WarningNotice } from '../../src-main/core/warnings/lifecycle';
export type { UploadRemindersEvent } from '../../src-main/services/export/reminders';
export type { AlertKind, EscalationTarget } from '../../src-main/core/sla/alerts';
export type { DeskBridge, DeskEvent, DESK_EVENTS, OpenTicketPayload, OpenWarningsPayload } from '../../src-main/api/bridge';
export type { ListKind, ListValue } from '../../src-main/core/lists/rules';
export type { ListReview } from '../../src-main/db/lists';
