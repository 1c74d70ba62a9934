/**
 * Multinomial naive Bayes over binary character n-grams (ngrams.ts), small
 * enough to check on paper:
 *
 *   score(c) = log(docs_c / docs) + Σ_f log((n_fc + α) / (N_c + α·|V|))
 *
 * over the text's n-grams f that the model has seen (unseen ones say nothing
 * about any label), where n_fc is how many of label c's documents hold f, N_c
 * the n-grams of c's documents counted that way, |V| the distinct n-grams of
 * every label and α = 1 (Laplace). Probabilities are the scores' softmax.
 * Counts only ever add up, so the model learns one settled ticket at a time
 * and a full retrain is the same sums from scratch.
 *
 * Naive Bayes counts every n-gram as separate evidence, but the n-grams of
 * one phrase come together (信, 号, 信号, 号差 …), so the text's evidence is
 * counted many times over and the probabilities come out far too sure — and
 * where the text says nothing about the label (the same sentences under every
 * department) sampling noise, multiplied that way, outvotes the label counts.
 * So the evidence carries a weight w in [0, 1]:
 *
 *   score(c) = log(docs_c / docs) + w · Σ_f log P(f | c)
 *
 * chosen by the training on tickets held out from it (the latest ones): the w
 * with the smallest mean −log P(true label). w = 1 is plain naive Bayes; w = 0
 * proposes the most frequent labels, as the baseline does.
 *
 * The reason shown for a proposal is the n-grams that most favour the winner
 * over the runner-up: log P(f | winner) − log P(f | runner-up), largest first.
 */
export const ALPHA = 1;

export interface LabelCounts {
  docs: number;
  /** N_c: n-grams counted over the label's documents. */
  grams: number;
  /** n_fc for each n-gram. */
  features: Map<string, number>;
}

export interface NbModel {
  docs: number;
  labels: Map<string, LabelCounts>;
  /** Every n-gram any label has seen, with the documents holding it. */
  vocabulary: Map<string, number>;
  /** w: how much the text's evidence counts against the label counts (1 until calibrated). */
  evidence: number;
}

export interface Ranked {
  label: string;
  probability: number;
}

export interface Reason {
  gram: string;
  /** log P(gram | winner) − log P(gram | runner-up), natural log. */
  weight: number;
}

export interface Prediction {
  /** Best first; at most `top` labels. */
  ranked: Ranked[];
  reasons: Reason[];
}

export function emptyModel(): NbModel {
  return { docs: 0, labels: new Map(), vocabulary: new Map(), evidence: 1 };
}

/** Count one document (its distinct n-grams) under its label. */
export function learn(model: NbModel, grams: readonly string[], label: string): void {
  let counts = model.labels.get(label);
  if (!counts) {
    counts = { docs: 0, grams: 0, features: new Map() };
    model.labels.set(label, counts);
  }
  model.docs += 1;
  counts.docs += 1;
  counts.grams += grams.length;
  for (const g of grams) {
    counts.features.set(g, (counts.features.get(g) ?? 0) + 1);
    model.vocabulary.set(g, (model.vocabulary.get(g) ?? 0) + 1);
  }
}

function logLikelihood(counts: LabelCounts, gram: string, vocabularySize: number): number {
  return Math.log(((counts.features.get(gram) ?? 0) + ALPHA) / (counts.grams + ALPHA * vocabularySize));
}

/** Each label's log prior and the text's log likelihood under it (unweighted). */
export function evidenceFor(model: NbModel, grams: readonly string[]): Array<{ label: string; prior: number; likelihood: number }> {
  const known = grams.filter((g) => model.vocabulary.has(g));
  const v = model.vocabulary.size;
  const out: Array<{ label: string; prior: number; likelihood: number }> = [];
  for (const [label, counts] of model.labels) {
    let likelihood = 0;
    for (const g of known) likelihood += logLikelihood(counts, g, v);
    out.push({ label, prior: Math.log(counts.docs / model.docs), likelihood });
  }
  return out;
}

/** Each label's score for the n-grams, best first (ties by label, so the order never depends on insertion). */
export function scores(model: NbModel, grams: readonly string[]): Array<{ label: string; score: number }> {
  return evidenceFor(model, grams)
    .map((e) => ({ label: e.label, score: e.prior + model.evidence * e.likelihood }))
    .sort((a, b) => b.score - a.score || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

export const EVIDENCE_WEIGHTS = [0, 0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1] as const;

/**
 * The evidence weight with the smallest mean −log P(true label) over held-out
 * cases (a tie goes to the larger weight: the text then counts). Cases whose
 * label the model never saw, or whose text it knows nothing of, are skipped;
 * with none left the weight stays 1.
 */
export function chooseEvidence(
  model: NbModel,
  heldOut: ReadonlyArray<{ grams: readonly string[]; label: string }>,
  weights: readonly number[] = EVIDENCE_WEIGHTS,
): { weight: number; cases: number; loss: number | null } {
  const loss = weights.map(() => 0);
  let cases = 0;
  for (const h of heldOut) {
    if (!model.labels.has(h.label) || !h.grams.some((g) => model.vocabulary.has(g))) continue;
    const e = evidenceFor(model, h.grams);
    cases++;
    weights.forEach((w, i) => {
      const s = e.map((x) => x.prior + w * x.likelihood);
      const top = Math.max(...s);
      const logSum = top + Math.log(s.reduce((a, x) => a + Math.exp(x - top), 0));
      loss[i]! += logSum - s[e.findIndex((x) => x.label === h.label)]!;
    });
  }
  if (cases === 0) return { weight: 1, cases: 0, loss: null };
  let best = 0;
  weights.forEach((w, i) => {
    if (loss[i]! < loss[best]! - 1e-12 || (Math.abs(loss[i]! - loss[best]!) <= 1e-12 && w > weights[best]!)) best = i;
  });
  return { weight: weights[best]!, cases, loss: loss[best]! / cases };
}

export interface PredictOptions {
  top?: number;
  reasons?: number;
}

/**
 * The best labels with their probabilities, and the n-grams behind the first.
 * Null when the model has learnt nothing or the text holds no n-gram it has
 * seen (a guess from the label counts alone is no proposal).
 */
export function predict(model: NbModel, grams: readonly string[], opts: PredictOptions = {}): Prediction | null {
  if (model.docs === 0 || !grams.some((g) => model.vocabulary.has(g))) return null;
  const ranked = scores(model, grams);
  const best = ranked[0]!.score;
  const exp = ranked.map((r) => Math.exp(r.score - best));
  const sum = exp.reduce((a, b) => a + b, 0);
  const top = ranked.slice(0, opts.top ?? 3).map((r, i) => ({ label: r.label, probability: exp[i]! / sum }));
  const runnerUp = ranked[1]?.label;
  // With the text's evidence weighed at nothing, no n-gram decided anything.
  const reasons = runnerUp === undefined || model.evidence === 0 ? [] : decidingGrams(model, grams, ranked[0]!.label, runnerUp, opts.reasons ?? 5);
  return { ranked: top, reasons };
}

/**
 * The n-grams that most favour `winner` over `runnerUp`. An n-gram inside one
 * already listed (号 inside 信号差) adds nothing a reader needs, so it is skipped.
 */
export function decidingGrams(model: NbModel, grams: readonly string[], winner: string, runnerUp: string, limit: number): Reason[] {
  const w = model.labels.get(winner);
  const r = model.labels.get(runnerUp);
  if (!w || !r) return [];
  const v = model.vocabulary.size;
  const weighed = grams
    .filter((g) => model.vocabulary.has(g))
    .map((gram) => ({ gram, weight: logLikelihood(w, gram, v) - logLikelihood(r, gram, v) }))
    .filter((x) => x.weight > 0)
    .sort((a, b) => b.weight - a.weight || b.gram.length - a.gram.length || (a.gram < b.gram ? -1 : 1));
  const chosen: Reason[] = [];
  for (const x of weighed) {
    if (chosen.length >= limit) break;
    if (chosen.some((c) => c.gram.includes(x.gram))) continue;
    chosen.push(x);
  }
  return chosen;
}
