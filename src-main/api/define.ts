/**
 * How a contract method is declared: its zod input schema, the role it needs,
 * and (as a type only) what it returns. Both transports, the renderer's client
 * and the tests are generic over one table of these.
 */
import type { z } from 'zod';
import type { Role } from '../core/enums';

/** 'public' needs no login (setup, login, status); otherwise the least role allowed. */
export type Access = Role | 'public';

export interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  access: Access;
  /** Phantom: carries the output type, never set at run time. */
  readonly __output?: (value: O) => O;
}

/** `method<Output>()(access, inputSchema)`: the output type is named, the input inferred. */
export function method<O>() {
  return <I extends z.ZodType>(access: Access, input: I): MethodSpec<I, O> => ({ input, access });
}

export type ApiError = { code: string; message: string; details?: unknown };
export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: ApiError };
