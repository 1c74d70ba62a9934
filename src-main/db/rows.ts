/**
 * Rows read from SQLite are checked, not cast: each reader states the shape
 * of its rows as a zod schema and reads through `oneRow` / `allRows` /
 * `column`, so a column the SQL no longer gives, or a value of another type
 * (text where a number belongs, a status the code does not know), fails here
 * with the statement named instead of travelling on as a wrong value.
 *
 * One pattern for every reader in db/. The schemas are small and built once
 * per module; checking costs about a microsecond a row.
 */
import type { Statement } from 'better-sqlite3';
import { z } from 'zod';

/** The shape the database's answer did not have: a bug or a damaged file, never the user's input. */
export class RowShapeError extends Error {
  constructor(sql: string, issues: string) {
    super(`Row of "${sql.replace(/\s+/g, ' ').trim().slice(0, 120)}" is not as expected: ${issues}`);
    this.name = 'RowShapeError';
  }
}

function check<T>(schema: z.ZodType<T>, row: unknown, stmt: Statement): T {
  const r = schema.safeParse(row);
  if (r.success) return r.data;
  throw new RowShapeError(stmt.source, r.error.issues.map((i) => `${i.path.join('.') || 'row'}: ${i.message}`).join('; '));
}

/** The statement's first row, checked; undefined when there is none. */
export function oneRow<T>(schema: z.ZodType<T>, stmt: Statement, ...params: unknown[]): T | undefined {
  const row: unknown = stmt.get(...params);
  return row === undefined ? undefined : check(schema, row, stmt);
}

/** Every row of the statement, checked. */
export function allRows<T>(schema: z.ZodType<T>, stmt: Statement, ...params: unknown[]): T[] {
  return (stmt.all(...params) as unknown[]).map((row) => check(schema, row, stmt));
}

/** Every row of the statement, checked one at a time as it is read (for long scans). */
export function* eachRow<T>(schema: z.ZodType<T>, stmt: Statement, ...params: unknown[]): Generator<T> {
  for (const row of stmt.iterate(...params)) yield check(schema, row, stmt);
}

/** A row's first column (`SELECT id …`), whether or not the statement plucks. */
function firstColumn(row: unknown): unknown {
  return row !== null && typeof row === 'object' ? Object.values(row)[0] : row;
}

/** The first column of every row (`SELECT id FROM …`), checked. */
export function column<T>(schema: z.ZodType<T>, stmt: Statement, ...params: unknown[]): T[] {
  return (stmt.all(...params) as unknown[]).map((row) => check(schema, firstColumn(row), stmt));
}

/** The first column of the first row (`SELECT count(*) …`), checked; undefined when there is no row. */
export function value<T>(schema: z.ZodType<T>, stmt: Statement, ...params: unknown[]): T | undefined {
  const row: unknown = stmt.get(...params);
  return row === undefined ? undefined : check(schema, firstColumn(row), stmt);
}

/** Column kinds as SQLite gives them. */
export const int = z.number().int();
export const intOrNull = int.nullable();
export const text = z.string();
export const textOrNull = text.nullable();
/** A 0/1 INTEGER column read as a boolean. */
export const flag = z.union([z.literal(0), z.literal(1)]).transform((v) => v === 1);
/** A TEXT column holding JSON, parsed (its shape is the caller's to check). */
export const json = text.transform((s): unknown => JSON.parse(s));

/**
 * A hand-written check of the same promise, for the few hot reads where zod's
 * cost shows (the ticket list's page, the month export's and the import's
 * long streams): each column's kind, or the set of codes it may hold.
 */
export type ColumnKind = 'int' | 'int?' | 'num' | 'num?' | 'text' | 'text?' | ReadonlySet<string | null>;
export type ColumnKinds<T> = ReadonlyArray<readonly [keyof T & string, ColumnKind]>;

function fits(v: unknown, kind: ColumnKind): boolean {
  if (typeof kind !== 'string') return (typeof v === 'string' || v === null) && kind.has(v);
  if (v === null) return kind.endsWith('?');
  if (kind.startsWith('int')) return Number.isInteger(v);
  if (kind.startsWith('num')) return typeof v === 'number';
  return typeof v === 'string';
}

/** The row, checked column by column against `kinds`; fails naming the statement and the column. */
export function kindChecked<T>(kinds: ColumnKinds<T>, row: unknown, stmt: Statement): T {
  const r = row as Record<string, unknown>;
  for (const [key, kind] of kinds) {
    if (!fits(r[key], kind)) throw new RowShapeError(stmt.source, `${key}: unexpected ${JSON.stringify(r[key])}`);
  }
  return r as T;
}

/** Every row of the statement, checked by hand as it is read (for long scans). */
export function* eachKindChecked<T>(kinds: ColumnKinds<T>, stmt: Statement, ...params: unknown[]): Generator<T> {
  for (const row of stmt.iterate(...params)) yield kindChecked(kinds, row, stmt);
}

/** Every row of the statement, checked by hand. */
export function allKindChecked<T>(kinds: ColumnKinds<T>, stmt: Statement, ...params: unknown[]): T[] {
  return (stmt.all(...params) as unknown[]).map((row) => kindChecked(kinds, row, stmt));
}
