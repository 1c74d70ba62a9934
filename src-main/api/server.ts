/**
 * The one entry point both transports call: validate the input with the
 * method's zod schema, check the caller's role, run the handler, and answer
 * `{ ok, value } | { ok: false, error }` with the error in the caller's language.
 */
import { DomainError } from '../core/errors';
import { roleAtLeast } from '../core/enums';
import type { Locale } from '../core/messages';
import type { ServiceContext } from '../services/context';
import { contract, isMethodName, type MethodName } from './contract';
import type { ApiResponse } from './define';
import { toApiError } from './errors';
import { handlers as defaultHandlers, type Handlers, type SessionSlot } from './handlers';
import { SessionStore } from './sessions';
import { refuseControlCharacters } from './text-guard';
import { LoginGate } from '../services/login-gate';

export interface ApiServer {
  call(method: string, input: unknown, slot: SessionSlot, locale: Locale): Promise<ApiResponse<unknown>>;
  sessions: SessionStore;
  loginGate: LoginGate;
  ctx: ServiceContext;
}

export function createApiServer(
  ctx: ServiceContext,
  opts: { handlers?: Handlers; log?: (e: unknown) => void } = {},
): ApiServer {
  const sessions = new SessionStore(ctx.now);
  const loginGate = new LoginGate();
  const handlers = opts.handlers ?? defaultHandlers;

  async function run(name: MethodName, input: unknown, slot: SessionSlot): Promise<unknown> {
    const spec = contract[name];
    const session = sessions.use(slot.get());
    if (session === 'locked') {
      slot.set(null);
      if (spec.access !== 'public') throw new DomainError('locked');
    }
    const user = session && session !== 'locked' ? ctx.read.users.get(session.userId) : null;
    if (spec.access !== 'public') {
      if (!user || !user.active) throw new DomainError('unauthenticated');
      if (!roleAtLeast(user.role, spec.access)) {
        throw new DomainError('forbidden', { needed: spec.access });
      }
    }
    refuseControlCharacters(input);
    const parsed = spec.input.parse(input ?? {});
    const handler = handlers[name] as (i: unknown, env: Parameters<Handlers[MethodName]>[1]) => unknown;
    return await handler(parsed, { ctx, user: user ?? null, sessions, loginGate, slot });
  }

  return {
    sessions,
    loginGate,
    ctx,
    async call(method, input, slot, locale) {
      try {
        if (!isMethodName(method)) throw new DomainError('not_found', { what: 'method', id: method });
        return { ok: true, value: await run(method, input, slot) };
      } catch (e) {
        return { ok: false, error: toApiError(e, locale, opts.log) };
      }
    },
  };
}
