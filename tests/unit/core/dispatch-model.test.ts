/**
 * The dispatch model on a training set small enough to work on paper.
 *
 * Three settled tickets: A「信号差」, A「信号弱」, B「多收费」. Their n-grams (1–3
 * characters, each once per ticket):
 *   信号差 → 信 号 差 信号 号差 信号差      (6)
 *   信号弱 → 信 号 弱 信号 号弱 信号弱      (6)
 *   多收费 → 多 收 费 多收 收费 多收费      (6)
 * So A has 2 tickets and N_A = 12 n-grams (信, 号, 信号 twice each; the rest
 * once), B has 1 ticket and N_B = 6, and the vocabulary |V| = 9 + 6 = 15.
 *
 * 「信号」 has the n-grams 信, 号, 信号, all seen:
 *   score(A) = log(2/3) + 3·log((2+1)/(12+15)) = log(2/3) + 3·log(1/9)
 *   score(B) = log(1/3) + 3·log((0+1)/(6+15))  = log(1/3) + 3·log(1/21)
 *   P(A) = 1 / (1 + (1/2)·(9/21)³) = 343 / 356.5 = 0.962132…
 *   each of 信, 号, 信号 favours A by log(3/27) − log(1/21) = log(7/3); the
 *   ties go to the longest, and 信, 号 lie inside 信号, so the reason is 信号.
 *
 * 「退收费」: 退, 退收, 退收费 were never seen and say nothing; 收, 费, 收费 are B's:
 *   score(B) − score(A) = log(1/2) + 3·(log(2/21) − log(1/27)) = log(2916/343)
 *   P(B) = 2916 / (2916 + 343) = 0.894753…
 */
import { describe, expect, it } from 'vitest';
import { charNgrams, textRuns } from '../../../src-main/core/dispatch/ngrams';
import { chooseEvidence, emptyModel, learn, predict, scores } from '../../../src-main/core/dispatch/naive-bayes';
import { accuracy, emptyTally, majorityOrder, tally } from '../../../src-main/core/dispatch/evaluate';
import { emptyDispatchModel, guess, learnTicket } from '../../../src-main/core/dispatch/model';

function trained() {
  const m = emptyModel();
  learn(m, charNgrams('信号差'), 'A');
  learn(m, charNgrams('信号弱'), 'A');
  learn(m, charNgrams('多收费'), 'B');
  return m;
}

describe('character n-grams', () => {
  it('gives every run of 1–3 characters once, never across punctuation or spaces', () => {
    expect(charNgrams('信号差').sort()).toEqual(['信', '号', '差', '信号', '号差', '信号差'].sort());
    expect(charNgrams('信号，信号 差').sort()).toEqual(['信', '号', '信号', '差'].sort());
  });

  it('folds full-width forms and case, and keeps letters and digits with the characters around them', () => {
    expect(textRuns('ＶｏＬＴＥ掉话！10086')).toEqual(['volte掉话', '10086']);
  });

  it('has nothing for a text of punctuation alone', () => {
    expect(charNgrams('，。！ ')).toEqual([]);
  });
});

describe('naive Bayes on a hand-made training set', () => {
  it('counts what the comment at the top says', () => {
    const m = trained();
    expect(m.docs).toBe(3);
    expect(m.vocabulary.size).toBe(15);
    expect(m.labels.get('A')).toMatchObject({ docs: 2, grams: 12 });
    expect(m.labels.get('A')!.features.get('信号')).toBe(2);
    expect(m.labels.get('B')).toMatchObject({ docs: 1, grams: 6 });
  });

  it('scores 信号 as worked on paper', () => {
    const [a, b] = scores(trained(), charNgrams('信号'));
    expect(a!.label).toBe('A');
    expect(a!.score).toBeCloseTo(Math.log(2 / 3) + 3 * Math.log(1 / 9), 12);
    expect(b!.score).toBeCloseTo(Math.log(1 / 3) + 3 * Math.log(1 / 21), 12);
  });

  it('proposes A for 信号 with P = 343/356.5, because of 信号', () => {
    const p = predict(trained(), charNgrams('信号'))!;
    expect(p.ranked.map((r) => r.label)).toEqual(['A', 'B']);
    expect(p.ranked[0]!.probability).toBeCloseTo(343 / 356.5, 12);
    expect(p.ranked[1]!.probability).toBeCloseTo(13.5 / 356.5, 12);
    expect(p.reasons).toEqual([{ gram: '信号', weight: expect.closeTo(Math.log(7 / 3), 12) as number }]);
  });

  it('ignores n-grams it never saw: 退收费 is B with P = 2916/3259, because of 收费', () => {
    const p = predict(trained(), charNgrams('退收费'))!;
    expect(p.ranked[0]).toEqual({ label: 'B', probability: expect.closeTo(2916 / 3259, 12) as number });
    expect(p.reasons.map((r) => r.gram)).toEqual(['收费']);
  });

  it('proposes nothing for a text without a single known n-gram, or from an empty model', () => {
    expect(predict(trained(), charNgrams('你好'))).toBeNull();
    expect(predict(emptyModel(), charNgrams('信号'))).toBeNull();
  });

  it('keeps at most `top` labels', () => {
    expect(predict(trained(), charNgrams('信号'), { top: 1 })!.ranked.map((r) => r.label)).toEqual(['A']);
  });
});

/**
 * Weighing the evidence. A learnt 甲 twice, B learnt 乙 once: |V| = 2, N_A = 2, N_B = 1,
 * P(甲|A) = (2+1)/(2+2) = 3/4, P(甲|B) = (0+1)/(1+2) = 1/3; priors 2/3 and 1/3.
 * A held-out「甲」:
 *   w = 0: P(A) = 2/3, P(B) = 1/3 (the counts alone)
 *   w = 1: A ∝ 2/3 · 3/4 = 1/2, B ∝ 1/3 · 1/3 = 1/9, so P(A) = 9/11, P(B) = 2/11
 * Labelled A, −log P is log(3/2) at w = 0 and log(11/9) at w = 1: w = 1 wins.
 * Labelled B, it is log 3 at w = 0 and log(11/2) at w = 1: w = 0 wins.
 */
describe('weighing the text against the label counts on held-out tickets', () => {
  function model() {
    const m = emptyModel();
    learn(m, ['甲'], 'A');
    learn(m, ['甲'], 'A');
    learn(m, ['乙'], 'B');
    return m;
  }

  it('keeps the text when it told the truth', () => {
    expect(chooseEvidence(model(), [{ grams: ['甲'], label: 'A' }], [0, 1])).toEqual({ weight: 1, cases: 1, loss: expect.closeTo(Math.log(11 / 9), 12) as number });
  });

  it('drops it when the counts alone did better', () => {
    expect(chooseEvidence(model(), [{ grams: ['甲'], label: 'B' }], [0, 1])).toEqual({ weight: 0, cases: 1, loss: expect.closeTo(Math.log(3), 12) as number });
  });

  it('skips cases it cannot judge, and with none keeps the full weight', () => {
    expect(chooseEvidence(model(), [{ grams: ['丙'], label: 'A' }, { grams: ['甲'], label: 'C' }], [0, 1])).toEqual({ weight: 1, cases: 0, loss: null });
  });

  it('at weight 0 proposes by the counts alone and names no n-gram as the reason', () => {
    const m = model();
    m.evidence = 0;
    const p = predict(m, ['乙'])!;
    expect(p.ranked).toEqual([
      { label: 'A', probability: expect.closeTo(2 / 3, 12) as number },
      { label: 'B', probability: expect.closeTo(1 / 3, 12) as number },
    ]);
    expect(p.reasons).toEqual([]);
  });
});

describe('the dispatch model: category and department from one text', () => {
  it('learns a category only from leaves, and a department whenever one was recorded', () => {
    const m = emptyDispatchModel();
    learnTicket(m, { text: '信号差', categoryId: 11, department: '网络部' });
    learnTicket(m, { text: '多收费', categoryId: null, department: '计费中心' });
    expect([...m.category.labels.keys()]).toEqual(['11']);
    expect([...m.department.labels.keys()]).toEqual(['网络部', '计费中心']);
  });

  it('proposes category and department, skipping a category the branch has retired', () => {
    const m = emptyDispatchModel();
    learnTicket(m, { text: '信号差', categoryId: 11, department: '网络部' });
    learnTicket(m, { text: '信号弱', categoryId: 11, department: '网络部' });
    learnTicket(m, { text: '多收费', categoryId: 22, department: '计费中心' });
    const g = guess(m, '信号');
    expect(g.category!.ranked.map((r) => r.value)).toEqual([11, 22]);
    expect(g.category!.ranked[0]!.probability).toBeCloseTo(343 / 356.5, 12);
    expect(g.department!.ranked.map((r) => r.value)).toEqual(['网络部', '计费中心']);
    expect(g.department!.reasons.map((r) => r.gram)).toEqual(['信号']);
    const retired = guess(m, '信号', (id) => id !== 11);
    expect(retired.category!.ranked.map((r) => r.value)).toEqual([22]);
    expect(retired.category!.reasons).toEqual([]);
  });
});

describe('top-k accuracy and the majority baseline', () => {
  it('counts a hit at 1 only for the first proposal and at 3 for any of the first three', () => {
    const t = emptyTally();
    tally(t, ['a', 'b', 'c'], 'a');
    tally(t, ['a', 'b', 'c'], 'c');
    tally(t, ['a', 'b', 'c', 'd'], 'd');
    tally(t, [], 'a');
    expect(accuracy(t)).toEqual({ cases: 4, top1: 0.25, top3: 0.5 });
  });

  it('orders the baseline by training frequency, ties by label', () => {
    expect(majorityOrder(new Map([['x', 2], ['b', 5], ['a', 2]]))).toEqual(['b', 'a', 'x']);
  });
});
