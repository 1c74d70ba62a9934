/**
 * Text that reaches the console must be text: no NUL, no terminal escapes, no
 * other control codes (only tab and line breaks, which notes and descriptions
 * use), and no bidirectional overrides that make a name read differently
 * from what is stored. Checked once here, for every method's input, so a
 * new method cannot forget it. A NUL in a ticket number or an ANSI escape in
 * a name would otherwise be stored and replayed into every list, export and
 * terminal that shows it.
 */
import { DomainError } from '../core/errors';

// C0 controls except \t \n \r, DEL, C1 controls, and the bidi embedding/override/isolate marks.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** Throws `validation` (rule `control_chars`, the innermost field name) at the first string that holds one. */
export function refuseControlCharacters(input: unknown): void {
  const field = findControlCharacters(input, 'request');
  if (field !== null) throw new DomainError('validation', { field, rule: 'control_chars' });
}

/** Walks with its own stack (not recursion), so a deeply nested input cannot overflow the call stack here. */
function findControlCharacters(input: unknown, rootField: string): string | null {
  const stack: Array<[unknown, string]> = [[input, rootField]];
  while (stack.length > 0) {
    const [value, field] = stack.pop()!;
    if (typeof value === 'string') {
      if (CONTROL.test(value)) return field;
    } else if (Array.isArray(value)) {
      for (const item of value) stack.push([item, field]);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (CONTROL.test(key)) return rootField;
        stack.push([item, key]);
      }
    }
  }
  return null;
}
