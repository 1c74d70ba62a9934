/**
 * Reading knowledge content from outside: a file another branch exported, or
 * what an editor sends. Any problem is a DomainError naming the item, its key
 * and the field, so the person importing knows what to fix; the caller writes
 * nothing unless every item is good.
 */
import { DomainError } from '../errors';
import { FILE_FORMAT, FILE_FORMAT_VERSION, fileSchema, itemSchema, type KnowledgeContent } from './model';

/** An exported file of a few hundred items is well under this. */
export const MAX_FILE_CHARS = 5_000_000;

interface Issue {
  path: PropertyKey[];
  message: string;
}

function problemOf(issue: Issue): { problem: string; detail?: string } {
  if (issue.message.startsWith('unknown_placeholder:')) return { problem: 'unknown_placeholder', detail: `{${issue.message.slice(20)}}` };
  if (issue.message === 'duplicate_step') return { problem: 'duplicate_step' };
  if (issue.path[0] === 'key') return { problem: 'key' };
  return { problem: 'field' };
}

/** One item; `position` (1-based) names it in the message when it came from a file. */
export function parseItem(raw: unknown, position?: number): KnowledgeContent {
  const r = itemSchema.safeParse(raw);
  if (r.success) return r.data;
  const first = r.error.issues[0] as Issue;
  const key = typeof (raw as { key?: unknown } | null)?.key === 'string' ? String((raw as { key: string }).key) : '';
  const { problem, detail } = problemOf(first);
  throw new DomainError('knowledge_invalid', {
    problem,
    ...(detail ? { detail } : {}),
    ...(position !== undefined ? { item: position } : {}),
    ...(key ? { key } : {}),
    field: first.path.join('.') || 'kind',
  });
}

/** A whole exported file: every item valid and every key once, or an error. */
export function parseFile(text: string): KnowledgeContent[] {
  const refuse = (problem: string, extra: Record<string, string | number> = {}) =>
    new DomainError('knowledge_invalid', { problem, nothingChanged: 1, ...extra });
  if (text.length > MAX_FILE_CHARS) throw refuse('too_large');
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw refuse('not_json');
  }
  const head = json as { format?: unknown; formatVersion?: unknown } | null;
  if (typeof head !== 'object' || head === null || head.format !== FILE_FORMAT) throw refuse('not_knowledge_file');
  if (head.formatVersion !== FILE_FORMAT_VERSION) throw refuse('format_version', { detail: String(head.formatVersion) });
  const file = fileSchema.safeParse(json);
  if (!file.success) throw refuse('not_knowledge_file');
  if (file.data.items.length === 0) throw refuse('empty');
  const seen = new Set<string>();
  return file.data.items.map((raw, i) => {
    let item: KnowledgeContent;
    try {
      item = parseItem(raw, i + 1);
    } catch (e) {
      if (e instanceof DomainError) throw new DomainError(e.code, { ...e.params, nothingChanged: 1 });
      throw e;
    }
    if (seen.has(item.key)) throw refuse('duplicate_key', { item: i + 1, key: item.key });
    seen.add(item.key);
    return item;
  });
}

/** The file another branch imports: the items as the branch has them now. */
export function exportFile(items: readonly KnowledgeContent[], exportedAt: string): string {
  return `${JSON.stringify({ format: FILE_FORMAT, formatVersion: FILE_FORMAT_VERSION, exportedAt, items }, null, 2)}\n`;
}
