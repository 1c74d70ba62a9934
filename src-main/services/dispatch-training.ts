/**
 * Training the dispatch model (core/dispatch) in the services process without
 * holding up requests: the settled tickets are read a page at a time and the
 * trainer yields to the event loop between pages, so a request waits at most
 * one page (PAGE tickets). The model is kept in memory per running console:
 *
 * - a full training once the console has gone quiet after start, then daily,
 *   and a moment after an import or demo data (either may bring settled history);
 * - in between, each ticket settled in the console (办结) is learnt on its own
 *   a moment after its transaction (`ticket-settled` on the bus), so today's
 *   settlements teach today's proposals. A ticket reopened and settled again
 *   counts twice until the next full training, which starts from nothing.
 *
 * After each full training that learnt something, the tickets of imports
 * still waiting for their proposals get them (dispatch-import-proposals.ts),
 * a page at a time like the training.
 *
 * The training set is the tickets settled (已办结, 已回访关闭) in the last
 * TRAINING_DAYS: a branch's categories and departments change, and a year
 * covers every season.
 */
import { DispatchStore } from '../db/dispatch-store';
import { calibrateAndLearn, emptyDispatchModel, learnTicket, type DispatchModel, type DispatchSample } from '../core/dispatch/model';
import type { CategoryNode } from '../core/categories';
import type { ServiceContext } from './context';
import { proposeQueuedImports } from './dispatch-import-proposals';

export const TRAINING_DAYS = 365;
const DAY = 86_400_000;
/** The latest tickets of the window, held out to weigh the text's evidence (core/dispatch/naive-bayes.ts) and then learnt. */
export const HOLDOUT_DAYS = 30;
export const HOLDOUT_MAX = 5_000;
/** Tickets read and learnt between two yields to the event loop. */
export const PAGE = 2_000;
const RETRAIN_EVERY_MS = DAY;
/** How long after a settlement or an import its tickets are learnt (the request's answer goes out first). */
const SETTLE_DELAY_MS = 1_000;

export interface TrainedModel {
  model: DispatchModel;
  /** Settled tickets learnt from. */
  tickets: number;
  /** The evidence weights the held-out tickets chose (1: plain naive Bayes, 0: the label counts alone). */
  evidence: { category: number; department: number };
  /** The window learnt: tickets settled in [from, to). */
  from: number;
  to: number;
}

/** Categories a ticket teaches: a leaf of the tree (a second level, or a top level without children). */
export function leafOf(categories: readonly CategoryNode[]): (id: number) => boolean {
  const parents = new Set(categories.flatMap((c) => (c.parentId === null ? [] : [c.parentId])));
  return (id) => !parents.has(id);
}

const STOPPED = new Error('dispatch training stopped');
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Learn every ticket settled in [from, to), a page at a time, yielding between pages. */
export async function trainDispatchModel(
  ctx: ServiceContext,
  window: { from: number; to: number },
  opts: { pause?: () => Promise<void>; pageSize?: number } = {},
): Promise<TrainedModel> {
  const store = new DispatchStore(ctx.db);
  const isLeaf = leafOf(ctx.categories.all());
  const model = emptyDispatchModel();
  const pause = opts.pause ?? nextTurn;
  const holdoutFrom = window.to - HOLDOUT_DAYS * DAY;
  const heldOut: DispatchSample[] = [];
  let afterId = 0;
  let tickets = 0;
  for (;;) {
    const page = store.settledPage(afterId, window.from, window.to, opts.pageSize ?? PAGE);
    for (const t of page) {
      const sample = { text: t.description, categoryId: isLeaf(t.categoryId) ? t.categoryId : null, department: t.department };
      if (t.resolvedAt >= holdoutFrom && heldOut.length < HOLDOUT_MAX) heldOut.push(sample);
      else learnTicket(model, sample);
      tickets++;
    }
    if (page.length < (opts.pageSize ?? PAGE)) break;
    afterId = page.at(-1)!.id;
    await pause();
  }
  const evidence = calibrateAndLearn(model, heldOut);
  return { model, tickets, evidence, ...window };
}

export interface TrainerOptions {
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  log?: (line: string) => void;
}

/** The console's model and what keeps it fresh. */
export class DispatchTrainer {
  private trained: TrainedModel | null = null;
  private running: Promise<TrainedModel | null> | null = null;
  private proposing: Promise<number> | null = null;
  private again = false;
  private readonly pendingSettled = new Set<number>();
  private timers = new Set<unknown>();
  private stopped = true;
  /** stop() was called: the console is closing, a training under way gives up at its next page. */
  private closed = false;
  private readonly offs: Array<() => void> = [];

  constructor(
    private readonly ctx: ServiceContext,
    private readonly opts: TrainerOptions = {},
  ) {}

  /** The model as last trained (null before the first training ends). */
  current(): TrainedModel | null {
    return this.trained;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.offs.push(
      this.ctx.bus.on('ticket-settled', ({ ids }) => {
        for (const id of ids) this.pendingSettled.add(id);
        this.later(() => this.learnSettled(), SETTLE_DELAY_MS);
      }),
      this.ctx.bus.on('tickets-imported', () => this.later(() => void this.retrain(), SETTLE_DELAY_MS)),
      this.ctx.bus.on('demo-loaded', () => this.later(() => void this.retrain(), SETTLE_DELAY_MS)),
    );
    void this.retrain();
    const daily = () => {
      void this.retrain();
      this.later(daily, RETRAIN_EVERY_MS);
    };
    this.later(daily, RETRAIN_EVERY_MS);
  }

  stop(): void {
    this.stopped = true;
    this.closed = true;
    for (const off of this.offs.splice(0)) off();
    for (const t of this.timers) this.clear(t);
    this.timers.clear();
  }

  /** Train from nothing over the last TRAINING_DAYS; a call while one runs asks for one more after it. */
  retrain(): Promise<TrainedModel | null> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const to = this.ctx.now() + 1;
    const pause = async () => {
      await nextTurn();
      // The console closed mid-training: its database is gone.
      if (this.closed) throw STOPPED;
    };
    this.running = trainDispatchModel(this.ctx, { from: to - TRAINING_DAYS * DAY, to }, { pause })
      .then((t) => {
        this.trained = t;
        // Tickets settled while it ran are learnt next (those already in the window are skipped then).
        if (this.pendingSettled.size > 0) this.later(() => this.learnSettled(), 0);
        // Imported tickets waiting for their proposals get them from this model (a page now, the rest between turns).
        if (!this.stopped) void this.proposeImports();
        return t;
      })
      .catch((e: unknown) => {
        if (e === STOPPED) return null;
        this.log(`dispatch training failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        return null;
      })
      .finally(() => {
        this.running = null;
        if (this.again && !this.stopped) {
          this.again = false;
          void this.retrain();
        }
      });
    return this.running;
  }

  /**
   * Propose for the imported tickets still waiting (one run at a time; a
   * model that learnt nothing proposes nothing, and the queue waits for the
   * next training). Resolves to the tickets proposed for.
   */
  proposeImports(): Promise<number> {
    const trained = this.trained;
    if (this.proposing) return this.proposing;
    if (!trained || trained.tickets === 0) return Promise.resolve(0);
    const pause = async () => {
      await nextTurn();
      if (this.closed) throw STOPPED;
    };
    this.proposing = proposeQueuedImports(this.ctx, trained, pause)
      .catch((e: unknown) => {
        if (e !== STOPPED) this.log(`dispatch proposals for imported tickets failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        return 0;
      })
      .finally(() => {
        this.proposing = null;
      });
    return this.proposing;
  }

  /** Learn the tickets settled since the last training (one by one; cheap). */
  learnSettled(): void {
    const model = this.trained;
    if (!model || this.running || this.pendingSettled.size === 0) return;
    const ids = [...this.pendingSettled];
    this.pendingSettled.clear();
    const isLeaf = leafOf(this.ctx.categories.all());
    for (const t of new DispatchStore(this.ctx.db).settledByIds(ids)) {
      // Settled inside the trained window: the training read it already.
      if (t.resolvedAt < model.to) continue;
      learnTicket(model.model, { text: t.description, categoryId: isLeaf(t.categoryId) ? t.categoryId : null, department: t.department });
      model.tickets++;
    }
  }

  private later(fn: () => void, ms: number): void {
    if (this.stopped) return;
    const h = (this.opts.setTimer ?? ((f, t) => setTimeout(f, t).unref()))(() => {
      this.timers.delete(h);
      if (!this.stopped) fn();
    }, ms);
    this.timers.add(h);
  }

  private clear(h: unknown): void {
    (this.opts.clearTimer ?? ((x) => clearTimeout(x as NodeJS.Timeout)))(h);
  }

  private log(line: string): void {
    (this.opts.log ?? ((l: string) => console.error(l)))(line);
  }
}

const trainers = new WeakMap<ServiceContext, DispatchTrainer>();

/** The one trainer of a running console (made on first use; the runtime starts and stops it). */
export function dispatchTrainer(ctx: ServiceContext, opts?: TrainerOptions): DispatchTrainer {
  let t = trainers.get(ctx);
  if (!t) {
    t = new DispatchTrainer(ctx, opts);
    trainers.set(ctx, t);
  }
  return t;
}
