/**
 * Searching the knowledge base. SQLite's FTS5 trigram tokenizer indexes every
 * run of three characters, which suits Chinese (no spaces between words) but
 * cannot match a term shorter than three characters: a two-character query
 * such as 掉话 or 宽带 is answered by a plain substring scan of the (small)
 * table instead, ranked the same way. These pure helpers decide which path a
 * query takes and mark where the words occur, for highlighting.
 */

/** Whitespace-separated terms, at most eight, each at most 40 characters. */
export function searchTerms(query: string): string[] {
  const terms = query
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((t) => t.slice(0, 40));
  return [...new Set(terms)].slice(0, 8);
}

/** FTS5 trigram answers only when every term has three characters or more. */
export function usesIndex(terms: readonly string[]): boolean {
  return terms.length > 0 && terms.every((t) => [...t].length >= 3);
}

/** An FTS5 MATCH expression: every term a quoted phrase (quotes doubled), all required. */
export function ftsExpression(terms: readonly string[]): string {
  return terms.map((t) => `"${t.replaceAll('"', '""')}"`).join(' AND ');
}

export interface Segment {
  text: string;
  hit: boolean;
}

/** The text cut into plain and matched runs (case-insensitive), for <mark>. */
export function highlight(text: string, terms: readonly string[]): Segment[] {
  const lower = text.toLowerCase();
  const marks = new Array<boolean>(text.length).fill(false);
  for (const term of terms) {
    const t = term.toLowerCase();
    if (!t) continue;
    for (let at = lower.indexOf(t); at >= 0; at = lower.indexOf(t, at + t.length)) {
      for (let i = at; i < at + t.length; i++) marks[i] = true;
    }
  }
  const out: Segment[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = out[out.length - 1];
    if (last && last.hit === marks[i]) last.text += text[i];
    else out.push({ text: text[i]!, hit: marks[i]! });
  }
  return out;
}

/** About `width` characters of the body around its first match (the start when nothing matches). */
export function snippet(text: string, terms: readonly string[], width = 60): string {
  const flat = text.replace(/\s+/g, ' ');
  const lower = flat.toLowerCase();
  const first = Math.min(...terms.map((t) => lower.indexOf(t.toLowerCase())).filter((i) => i >= 0), Number.POSITIVE_INFINITY);
  if (!Number.isFinite(first) || flat.length <= width) return flat.length <= width ? flat : `${flat.slice(0, width)}…`;
  const start = Math.max(0, first - Math.floor(width / 3));
  const end = Math.min(flat.length, start + width);
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
}
