/**
 * Placeholders in reply templates: {客户姓名} and the like, filled from the
 * ticket when the agent copies the template. A value the ticket does not have
 * is written plainly as 【客户姓名未填】 — a customer must never hear a blank
 * where their name or an amount should be, and the agent sees at once what to
 * fill in by hand.
 */
export const PLACEHOLDERS = [
  { name: '客户姓名', field: 'customerName' },
  { name: '工单编号', field: 'ticketNo' },
  { name: '承诺时间', field: 'promisedTime' },
  { name: '金额', field: 'amount' },
  { name: '坐席姓名', field: 'agentName' },
  { name: '投诉类别', field: 'category' },
] as const;

export type PlaceholderField = (typeof PLACEHOLDERS)[number]['field'];
export type PlaceholderValues = Partial<Record<PlaceholderField, string | null>>;

const PATTERN = /\{([^{}\s]{1,20})\}/g;

/** The placeholder names a body uses, in order of first use. */
export function placeholdersIn(body: string): string[] {
  const names: string[] = [];
  for (const m of body.matchAll(PATTERN)) if (!names.includes(m[1]!)) names.push(m[1]!);
  return names;
}

export interface FilledTemplate {
  text: string;
  /** The placeholders that had no value, shown as 【…未填】 in the text. */
  missing: string[];
}

export function missingMark(name: string): string {
  return `【${name}未填】`;
}

export function fillTemplate(body: string, values: PlaceholderValues): FilledTemplate {
  const missing: string[] = [];
  const text = body.replace(PATTERN, (whole, name: string) => {
    const spec = PLACEHOLDERS.find((p) => p.name === name);
    if (!spec) return whole; // not one of ours: left as written (saving refuses unknown ones)
    const value = values[spec.field];
    if (value === null || value === undefined || value.trim() === '') {
      if (!missing.includes(name)) missing.push(name);
      return missingMark(name);
    }
    return value.trim();
  });
  return { text, missing };
}
