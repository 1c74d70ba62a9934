/**
 * The dispatch proposal (智能派单): from a complaint's text, the category
 * (its second level where the tree has one) and the responsible department,
 * each learnt by its own naive Bayes model from the branch's settled tickets.
 */
import { charNgrams } from './ngrams';
import { chooseEvidence, emptyModel, learn, predict, type NbModel, type Reason } from './naive-bayes';

export interface DispatchSample {
  text: string;
  /** The ticket's category when it is a leaf of the tree (a top level with children says too little); else null. */
  categoryId: number | null;
  /** The department that settled it; null when none was recorded. */
  department: string | null;
}

export interface DispatchModel {
  category: NbModel;
  department: NbModel;
}

export interface Proposed<T> {
  ranked: Array<{ value: T; probability: number }>;
  reasons: Reason[];
}

export interface DispatchGuess {
  category: Proposed<number> | null;
  department: Proposed<string> | null;
}

export function emptyDispatchModel(): DispatchModel {
  return { category: emptyModel(), department: emptyModel() };
}

export function learnTicket(model: DispatchModel, sample: DispatchSample): void {
  const grams = charNgrams(sample.text);
  if (grams.length === 0) return;
  if (sample.categoryId !== null) learn(model.category, grams, String(sample.categoryId));
  if (sample.department) learn(model.department, grams, sample.department);
}

/** Held-out tickets fewer than this, or a model that learnt fewer, and the evidence stays at full weight. */
export const MIN_CALIBRATION = 50;

/**
 * Weigh each model's evidence on tickets it has not learnt (naive-bayes.ts,
 * chooseEvidence), then learn them too. Returns the weights chosen.
 */
export function calibrateAndLearn(model: DispatchModel, heldOut: readonly DispatchSample[]): { category: number; department: number } {
  const cases = heldOut.map((s) => ({ s, grams: charNgrams(s.text) }));
  const weigh = (m: NbModel, label: (s: DispatchSample) => string | null) => {
    const labelled = cases.flatMap(({ s, grams }) => {
      const l = label(s);
      return l === null ? [] : [{ grams, label: l }];
    });
    if (labelled.length < MIN_CALIBRATION || m.docs < MIN_CALIBRATION) return m.evidence;
    m.evidence = chooseEvidence(m, labelled).weight;
    return m.evidence;
  };
  const weights = {
    category: weigh(model.category, (s) => (s.categoryId === null ? null : String(s.categoryId))),
    department: weigh(model.department, (s) => s.department || null),
  };
  for (const s of heldOut) learnTicket(model, s);
  return weights;
}

/**
 * The top three of each, best first. `allowedCategory` and
 * `allowedDepartment` drop what the branch has since retired (old tickets
 * still teach, but a retired category or department cannot be chosen); the
 * probabilities stay as the model gave them, and the reason is given only
 * when the first is the model's own first.
 */
export function guess(
  model: DispatchModel,
  text: string,
  allowedCategory: (id: number) => boolean = () => true,
  allowedDepartment: (name: string) => boolean = () => true,
): DispatchGuess {
  const grams = charNgrams(text);
  return {
    category: allowedTop(predict(model.category, grams, { top: model.category.labels.size }), Number, allowedCategory),
    department: allowedTop(predict(model.department, grams, { top: model.department.labels.size }), String, allowedDepartment),
  };
}

function allowedTop<T>(p: ReturnType<typeof predict>, value: (label: string) => T, allowed: (v: T) => boolean): Proposed<T> | null {
  if (!p) return null;
  const ranked = p.ranked.map((r) => ({ value: value(r.label), probability: r.probability }));
  const kept = ranked.filter((r) => allowed(r.value));
  return kept.length ? { ranked: kept.slice(0, 3), reasons: kept[0] === ranked[0] ? p.reasons : [] } : null;
}
