/**
 * Knowledge at hand (案例库): troubleshooting checklists and reply templates
 * (话术) shown beside a ticket. One item is either kind; its content is plain
 * JSON so a branch can export it to a file and another branch can import it.
 */
import { z } from 'zod';
import { PLACEHOLDERS, placeholdersIn } from './placeholders';

export const KNOWLEDGE_KINDS = ['checklist', 'template'] as const;
export type KnowledgeKind = (typeof KNOWLEDGE_KINDS)[number];

/** The handling stages the reply scripts follow, then the common situations. */
export const TEMPLATE_STAGES = ['listen', 'ask', 'calm', 'confirm', 'explain', 'promise', 'close', 'situation'] as const;
export type TemplateStage = (typeof TEMPLATE_STAGES)[number];

export const FILE_FORMAT = 'complaint-desk-knowledge';
export const FILE_FORMAT_VERSION = 1;

const key = z
  .string()
  .trim()
  .min(3)
  .max(80)
  .regex(/^[a-z0-9][a-z0-9.-]*$/, 'key');
const title = z.string().trim().min(1).max(120);
/** Category paths as the console writes them: "网络质量/VoLTE 注册", or a top-level name. */
const categories = z.array(z.string().trim().min(1).max(80)).max(20);

const step = z.object({ id: z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/, 'step id'), text: z.string().trim().min(1).max(500) }).strict();

export const checklistSchema = z
  .object({ key, kind: z.literal('checklist'), title, categories, steps: z.array(step).min(1).max(40) })
  .strict()
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.steps.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'id'], message: 'duplicate_step' });
      seen.add(s.id);
    });
  });

export const templateSchema = z
  .object({ key, kind: z.literal('template'), title, stage: z.enum(TEMPLATE_STAGES), categories, body: z.string().trim().min(1).max(2000) })
  .strict()
  .superRefine((t, ctx) => {
    for (const name of placeholdersIn(t.body)) {
      if (!PLACEHOLDERS.some((p) => p.name === name)) ctx.addIssue({ code: 'custom', path: ['body'], message: `unknown_placeholder:${name}` });
    }
  });

export const itemSchema = z.discriminatedUnion('kind', [checklistSchema, templateSchema]);
export type ChecklistContent = z.infer<typeof checklistSchema>;
export type TemplateContent = z.infer<typeof templateSchema>;
export type KnowledgeContent = ChecklistContent | TemplateContent;

export const fileSchema = z
  .object({
    format: z.literal(FILE_FORMAT),
    formatVersion: z.literal(FILE_FORMAT_VERSION),
    exportedAt: z.string().optional(),
    items: z.array(z.unknown()).max(5000),
  })
  .strict();

/**
 * One canonical text per content, so "did the branch change this item" is a
 * string comparison: keys in a fixed order, nothing else.
 */
export function canonicalContent(c: KnowledgeContent): string {
  if (c.kind === 'checklist') {
    return JSON.stringify({
      key: c.key,
      kind: c.kind,
      title: c.title,
      categories: c.categories,
      steps: c.steps.map((s) => ({ id: s.id, text: s.text })),
    });
  }
  return JSON.stringify({ key: c.key, kind: c.kind, title: c.title, stage: c.stage, categories: c.categories, body: c.body });
}

/** The text searched: the title, then each step or the template's body. */
export function searchText(c: KnowledgeContent): string {
  return c.kind === 'checklist' ? c.steps.map((s) => s.text).join('\n') : c.body;
}

/** What a version changed, against the one before: for the history list. */
export interface ContentChange {
  field: 'title' | 'categories' | 'stage' | 'body' | 'stepAdded' | 'stepRemoved' | 'stepChanged' | 'stepOrder';
  detail?: string;
}

export function diffContent(before: KnowledgeContent | null, after: KnowledgeContent): ContentChange[] {
  if (!before) return [];
  const out: ContentChange[] = [];
  if (before.title !== after.title) out.push({ field: 'title' });
  if (before.categories.join('|') !== after.categories.join('|')) out.push({ field: 'categories' });
  if (before.kind === 'template' && after.kind === 'template') {
    if (before.stage !== after.stage) out.push({ field: 'stage' });
    if (before.body !== after.body) out.push({ field: 'body' });
  }
  if (before.kind === 'checklist' && after.kind === 'checklist') {
    const old = new Map(before.steps.map((s) => [s.id, s.text]));
    const now = new Map(after.steps.map((s) => [s.id, s.text]));
    for (const s of after.steps) {
      if (!old.has(s.id)) out.push({ field: 'stepAdded', detail: s.text });
      else if (old.get(s.id) !== s.text) out.push({ field: 'stepChanged', detail: s.text });
    }
    for (const s of before.steps) if (!now.has(s.id)) out.push({ field: 'stepRemoved', detail: s.text });
    const kept = after.steps.filter((s) => old.has(s.id)).map((s) => s.id);
    const wasKept = before.steps.filter((s) => now.has(s.id)).map((s) => s.id);
    if (kept.join('|') !== wasKept.join('|')) out.push({ field: 'stepOrder' });
  }
  return out;
}

/** Items for a ticket's category: those naming the category itself, else those naming its parent. */
export function itemsForCategory<T extends { categories: readonly string[] }>(
  items: readonly T[],
  categoryPath: string,
): { items: T[]; matched: 'category' | 'parent' | 'none' } {
  const slash = categoryPath.indexOf('/');
  const parent = slash > 0 ? categoryPath.slice(0, slash) : null;
  const own = items.filter((i) => i.categories.includes(categoryPath));
  if (own.length) return { items: own, matched: 'category' };
  const up = parent ? items.filter((i) => i.categories.includes(parent)) : [];
  if (up.length) return { items: up, matched: 'parent' };
  return { items: [], matched: 'none' };
}

/** Templates for a ticket: the general ones (no category) and those for its category or parent. */
export function templatesForCategory<T extends { categories: readonly string[] }>(items: readonly T[], categoryPath: string): T[] {
  const slash = categoryPath.indexOf('/');
  const parent = slash > 0 ? categoryPath.slice(0, slash) : categoryPath;
  return items.filter((i) => i.categories.length === 0 || i.categories.includes(categoryPath) || i.categories.includes(parent));
}
