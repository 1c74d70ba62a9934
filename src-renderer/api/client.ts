/**
 * The renderer's one way to talk to the backend, generic over the contract:
 * `call('tickets/get', { id })` is typed end to end. A refusal becomes an
 * ApiFailure carrying the server's code and its already-localized message.
 */
import i18n, { currentLocale } from '../i18n';
import type { InputOf, MethodName, OutputOf } from './types';
import { pickTransport, TransportError } from './transport';

export class ApiFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

/** Codes that mean "this session is over": the app returns to the login screen. */
export const SESSION_ENDED = new Set(['locked', 'unauthenticated']);

type FailureListener = (failure: ApiFailure, method: MethodName) => void;
const listeners = new Set<FailureListener>();

/** Subscribe to every failed call (the session layer listens for lock/logout). */
export function onCallFailure(listener: FailureListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const transport = pickTransport();
export const transportKind = transport.kind;

export async function call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  let failure: ApiFailure;
  try {
    const res = await transport.send(method, input, currentLocale());
    if (res.ok) return res.value as OutputOf<M>;
    failure = new ApiFailure(res.error.code, res.error.message, res.error.details);
  } catch (e) {
    if (!(e instanceof TransportError)) throw e;
    failure =
      e.kind === 'network'
        ? new ApiFailure('network', i18n.t('errors.network', { detail: e.detail }))
        : new ApiFailure('bad_response', i18n.t('errors.badResponse', { status: e.detail }));
  }
  for (const l of listeners) l(failure, method);
  throw failure;
}

/** The message to show for anything a call threw. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
