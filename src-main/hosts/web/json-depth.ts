/**
 * How deeply a JSON text nests, found without parsing it. JSON.parse of a
 * body like `[[[[…` 900,000 levels deep holds the event loop for about a
 * second, and no contract input nests more than a few levels: the web host
 * refuses anything deeper than MAX_JSON_DEPTH before parsing.
 */
export const MAX_JSON_DEPTH = 32;

/** True when the text opens more than `max` arrays/objects inside one another (outside strings). */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > max) return true;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      depth--;
    }
  }
  return false;
}
