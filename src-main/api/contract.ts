/**
 * THE contract: every method the console offers, its input schema, the role
 * it needs and its output type. The Electron IPC transport, the web host, the
 * renderer's client and the tests are all generic over this one table. Each
 * area declares its methods in methods/<area>.ts; this file assembles them.
 */
import type { z } from 'zod';
import type { MethodSpec } from './define';
import { coreMethods } from './methods/core';
import { importMethods } from './methods/import';
import { deadlineMethods } from './methods/deadlines';
import { reportMethods } from './methods/reports';
import { refundMethods } from './methods/refunds';
import { systemMethods } from './methods/system';
import { auditMethods } from './methods/audit';
import { exportMethods } from './methods/export';
import { knowledgeMethods } from './methods/knowledge';
import { warningMethods } from './methods/warnings';
import { sheetMethods } from './methods/sheets';
import { dispatchMethods } from './methods/dispatch';
import { qcProjectMethods } from './methods/qc-projects';
import { listMethods } from './methods/lists';

export type { AuthStatus, TicketDetail, CreatedTicket } from './methods/core';
export type { DeadlineSummary } from './methods/deadlines';
export type { Health } from './methods/system';

export const contract = {
  ...coreMethods,
  ...importMethods,
  ...deadlineMethods,
  ...reportMethods,
  ...refundMethods,
  ...systemMethods,
  ...auditMethods,
  ...exportMethods,
  ...knowledgeMethods,
  ...warningMethods,
  ...sheetMethods,
  ...dispatchMethods,
  ...qcProjectMethods,
  ...listMethods,
} satisfies Record<string, MethodSpec<z.ZodType, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = Contract[M] extends { __output?: (value: infer O) => unknown } ? O : never;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];
export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
