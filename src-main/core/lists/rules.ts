/**
 * The lists an administrator keeps (departments, cities, districts) and the
 * rules for choosing from them. Pure: the caller passes the list as read.
 *
 * - A form (registering, 转派, 协作, an account's department) may choose only
 *   an active value; a retired one stays on the tickets that carry it and in
 *   reports, but is not chosen again.
 * - An import takes any value on the list, retired ones too (an old CRM row
 *   says what was true then), or a value an administrator has already mapped
 *   from the review list; anything else is held for review, never invented.
 */
export const LIST_KINDS = ['department', 'city', 'district'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

export interface ListValue {
  id: number;
  kind: ListKind;
  name: string;
  active: boolean;
}

/** The longest name a list keeps (the forms' limit for these fields). */
export const MAX_LIST_NAME = 40;

/** How a typed name is kept: width-normalised, spaces at the ends dropped, runs of spaces as one. */
export function cleanListName(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ');
}

export type NameProblem = 'required' | 'too_long' | 'control_chars';

export function listNameProblem(name: string): NameProblem | null {
  if (name === '') return 'required';
  if (name.length > MAX_LIST_NAME) return 'too_long';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'control_chars';
  return null;
}

export type ChoiceProblem = 'not_on_list' | 'retired';

/**
 * Whether a form may choose `value` for a field of this kind: null when it
 * is an active value of the list, else why not. Blank is the caller's
 * concern (most of these fields may be left empty).
 */
export function choiceProblem(kind: ListKind, value: string, list: readonly ListValue[]): ChoiceProblem | null {
  const found = list.find((v) => v.kind === kind && v.name === value);
  if (!found) return 'not_on_list';
  return found.active ? null : 'retired';
}

/** What an imported cell becomes: a value of the list, or held for review as written. */
export type ImportedChoice = { value: string } | { held: string };

/**
 * Looks imported values up in one list: its values (retired ones too) and the
 * raw texts an administrator already mapped (review list → value).
 */
export class ListMatcher {
  private readonly known: ReadonlyMap<string, string>;

  constructor(values: readonly ListValue[], mapped: ReadonlyMap<string, string>) {
    const known = new Map<string, string>();
    for (const v of values) known.set(cleanListName(v.name), v.name);
    for (const [raw, to] of mapped) if (!known.has(cleanListName(raw))) known.set(cleanListName(raw), to);
    this.known = known;
  }

  match(text: string): ImportedChoice {
    const value = this.known.get(cleanListName(text));
    return value === undefined ? { held: text.trim() } : { value };
  }
}
