/**
 * The features a complaint's text gives the dispatch model: character
 * n-grams of length 1–3 inside each run of letters and digits. Chinese has no
 * spaces between words, so runs of characters stand in for words (信号, 信号差,
 * 掉话); punctuation and spaces end a run, so no n-gram spans two clauses.
 * Latin letters are folded to lower case and full-width forms to half-width
 * (NFKC), so ＶｏＬＴＥ and volte are one feature.
 */
export const MIN_GRAM = 1;
export const MAX_GRAM = 3;

/** Runs of letters and digits in the text, normalised. */
export function textRuns(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((run) => run.length > 0);
}

/**
 * The distinct n-grams of a text. Each counts once however often it occurs:
 * a complaint that says 信号 three times is no more about signal than one that
 * says it once, and short texts classify better that way (binary features).
 */
export function charNgrams(text: string, min = MIN_GRAM, max = MAX_GRAM): string[] {
  const seen = new Set<string>();
  for (const run of textRuns(text)) {
    // Code points, not UTF-16 units: a character outside the BMP is one character.
    const chars = Array.from(run);
    for (let n = min; n <= max; n++) {
      for (let i = 0; i + n <= chars.length; i++) seen.add(chars.slice(i, i + n).join(''));
    }
  }
  return [...seen];
}
