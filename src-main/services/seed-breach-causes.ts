/**
 * Demo breach causes: every seeded ticket that was settled after missing its
 * first response or resolution gets the cause its settler would have
 * recorded (超时原因), so the report's Pareto of causes has bars in a demo.
 * Drawn from a random stream of its own, derived from the seed, so the
 * tickets and refunds a seed gives stay what they were, and the same seed
 * always gives the same causes.
 */
import { seededRandom } from '../core/random';
import { DemoStore, type DemoBreachedTicket } from '../db/demo-store';
import type { ServiceContext } from './context';
import { BREACH_CAUSE_WEIGHTS, OTHER_CAUSE_TEXTS } from './seed-data';

/** Network and broadband faults are hard to locate; billing and SP complaints wait on the billing centre. */
const BY_CATEGORY: Record<string, Partial<Record<string, number>>> = {
  网络质量: { fault_location: 20 },
  宽带: { fault_location: 20, customer_unreachable: 6 },
  资费计费: { other_department: 12 },
  增值业务: { other_department: 12 },
};

export interface DemoCause {
  cause: string;
  detail: string | null;
}

/**
 * The cause of one late ticket: the study's proportions, a missed first
 * response counting backlog twice (nobody watched the queue), the ticket's
 * category tilting toward its usual trouble. `r` gives numbers in [0, 1).
 */
export function demoBreachCause(r: () => number, t: Pick<DemoBreachedTicket, 'top' | 'missedFirstResponse'>): DemoCause {
  const weights = Object.entries(BREACH_CAUSE_WEIGHTS).map(([code, w]): [string, number] => {
    const extra = BY_CATEGORY[t.top]?.[code] ?? 0;
    return [code, (w + extra) * (code === 'backlog' && t.missedFirstResponse ? 2 : 1)];
  });
  const total = weights.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  let cause = weights[weights.length - 1]![0];
  for (const [code, w] of weights) {
    x -= w;
    if (x < 0) {
      cause = code;
      break;
    }
  }
  const detail = cause === 'other' ? OTHER_CAUSE_TEXTS[Math.floor(r() * OTHER_CAUSE_TEXTS.length)]! : null;
  return { cause, detail };
}

/** Records a cause on each late, settled ticket after `afterId`, as its assignee at the moment it was resolved; returns how many. */
export function seedBreachCauses(ctx: ServiceContext, seed: number, afterId: number): number {
  const store = new DemoStore(ctx.db);
  const r = seededRandom((seed ^ 0x0bad_cafe) >>> 0);
  let n = 0;
  for (const t of store.breachedSettled(afterId)) {
    if (t.assigneeId === null) continue;
    const { cause, detail } = demoBreachCause(r, t);
    store.insertBreachCause({ ticketId: t.id, cause, detail, at: t.resolvedAt, by: t.assigneeId });
    n++;
  }
  return n;
}
