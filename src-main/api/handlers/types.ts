import { DomainError } from '../../core/errors';
import type { UserInfo } from '../../core/model';
import type { ServiceContext } from '../../services/context';
import type { MethodName, OutputOf, ParsedInputOf } from '../contract';
import type { SessionStore } from '../sessions';
import type { LoginGate } from '../../services/login-gate';

/** Where a transport keeps the caller's session token (a cookie, an IPC sender). */
export interface SessionSlot {
  get(): string | null;
  set(token: string | null): void;
  /** Who is calling, for login throttling and the audit: a remote address, a desktop window. */
  client?: string;
}

export interface HandlerEnv {
  ctx: ServiceContext;
  user: UserInfo | null;
  sessions: SessionStore;
  loginGate: LoginGate;
  slot: SessionSlot;
}

export type Handler<M extends MethodName> = (input: ParsedInputOf<M>, env: HandlerEnv) => OutputOf<M> | Promise<OutputOf<M>>;
export type HandlersOf<K extends MethodName> = { [M in K]: Handler<M> };
export type Handlers = HandlersOf<MethodName>;

export function needUser(env: HandlerEnv): UserInfo {
  if (!env.user) throw new DomainError('unauthenticated');
  return env.user;
}
