/**
 * The dispatch proposal (智能派单): from a complaint's text, the category
 * (its second level where the tree has one) and the responsible department,
 * each learnt by its own naive Bayes model from the branch's settled tickets.
 */
import { charNgrams } from './ngrams';
import { emptyModel, learn, predict, type NbModel, type Reason } from './naive-bayes';

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

/**
 * The top three of each, best first. `allowedCategory` drops categories the
 * branch has since retired (old tickets still teach, but a retired category
 * cannot be chosen).
 */
export function guess(model: DispatchModel, text: string, allowedCategory: (id: number) => boolean = () => true): DispatchGuess {
  const grams = charNgrams(text);
  const all = model.category.labels.size;
  const cat = predict(model.category, grams, { top: all });
  const dep = predict(model.department, grams, { top: 3 });
  const catRanked = (cat?.ranked ?? []).map((r) => ({ value: Number(r.label), probability: r.probability }));
  const allowed = catRanked.filter((r) => allowedCategory(r.value));
  return {
    category: cat && allowed.length ? { ranked: allowed.slice(0, 3), reasons: allowed[0] === catRanked[0] ? cat.reasons : [] } : null,
    department: dep ? { ranked: dep.ranked.map((r) => ({ value: r.label, probability: r.probability })), reasons: dep.reasons } : null,
  };
}
