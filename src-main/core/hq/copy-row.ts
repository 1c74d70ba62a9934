/**
 * One line of a bundle's JSON Lines file as one row of PostgreSQL's COPY
 * (FORMAT csv): the filing's own columns first, then the table's columns in
 * order, each from the line's key of the same name. An absent key or JSON
 * null is NULL (an unquoted empty field); a string is always quoted, so an
 * empty string stays an empty string. A value PostgreSQL cannot take for the
 * column (text in a count, a bad instant) fails the COPY and the whole
 * bundle with it, never a silently dropped row.
 */
export class LineError extends Error {}

function field(v: unknown, key: string): string {
  if (v === null || v === undefined) return '';
  switch (typeof v) {
    case 'string':
      return '"' + v.replaceAll('"', '""') + '"';
    case 'number':
      if (!Number.isFinite(v)) throw new LineError(`${key} is not a finite number`);
      return String(v);
    case 'boolean':
      return v ? 't' : 'f';
    default:
      throw new LineError(`${key} is ${Array.isArray(v) ? 'an array' : `a ${typeof v}`}, not a plain value`);
  }
}

/** The fixed start of every row of one filing: filing id, branch, period. */
export function rowPrefix(filingId: number | string, branchId: string, period: string): string {
  return `${filingId},${field(branchId, 'branch_id')},${period}`;
}

/** A JSON Lines line (without its "\n") as a CSV row (with its "\n"). */
export function copyRow(line: string, columns: readonly string[], prefix: string): string {
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch (e) {
    throw new LineError(`not JSON: ${(e as Error).message}`);
  }
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) throw new LineError('not a JSON object');
  const o = obj as Record<string, unknown>;
  let out = prefix;
  for (const c of columns) out += ',' + field(o[c], c);
  return out + '\n';
}
