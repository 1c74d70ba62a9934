/**
 * Foresight: will an open ticket miss its resolution limit? The estimate comes
 * from the branch's own history — how settled tickets of the same category and
 * department (their peer group) used their own resolution limits — and
 * optionally from the queue of the ticket's assignee. Every duration is a
 * share of its own limit (taken ÷ limit), so a 24 h and a 72 h ticket of one
 * group can be compared: a branch works to its deadlines. The rule, to be
 * checked on paper:
 *
 *   e         = elapsed ÷ limit (this ticket's share used so far)
 *   still     = peers whose share is above e (those this ticket can still be like)
 *   stretch   = 1 + queueWeight × other open tickets of the assignee
 *   risk      = share of `still` whose stretched remainder (s − e) × stretch passes what is left, 1 − e
 *   likely to miss ⇔ at least MIN_PEERS in `still` and risk ≥ riskThreshold
 *   k         = the fewest late peers that make the risk reach the threshold (the least k with k ÷ |still| ≥ riskThreshold)
 *   finish    = now + (the k-th largest of s − e in still) × stretch × limit
 *
 * The finish is the quantile the flag is decided on, not the median: it lies
 * past the due time exactly when at least k of the comparable peers went past
 * their limit, that is exactly when the ticket is likely to miss. (The median
 * was shown first, and a flagged ticket could show a finish before its due
 * time.) At the chosen 40 % it is the time by which about six in ten of the
 * comparable peers were done.
 *
 * Durations are wall-clock (clock start to stop), pauses included: a peer that
 * waited on its customer waited in the customer's eyes too.
 */
import { firstWhere } from '../sorted';

/** Fewer peers than this and the history says nothing: no forecast. */
export const MIN_PEERS = 5;

/** The rule's settings, chosen on a replay of the past (docs/QC.md, "Foresight"; tests/bench/foresight-tune.bench.ts). */
export interface ForesightRule {
  /** Each other open ticket of the assignee stretches the remaining time by this share. */
  queueWeight: number;
  /** Likely to miss once at least this share of the comparable peers went past their limit. */
  riskThreshold: number;
}

/**
 * As chosen on the replay's tuning days: the queue term earned nothing there
 * (the seeded history's times do not depend on queues) and is off; a risk of
 * 40 % was the most precise threshold still warning earlier than the 80 % rule.
 */
export const FORESIGHT_RULE: ForesightRule = { queueWeight: 0, riskThreshold: 0.4 };

export interface ForesightInput {
  now: number;
  /** When the resolution clock started. */
  startedAt: number;
  /** When it is due. */
  dueAt: number;
  /** Settled peers (same category and department): each one's resolution time ÷ its own limit. */
  peerShares: readonly number[];
  /** Open tickets of the assignee besides this one (0 when unassigned). */
  queueAhead: number;
}

export type Foresight =
  | { kind: 'unknown'; peers: number }
  | {
      kind: 'estimate';
      /** Peers still comparable (used more of their limit than this ticket has so far). */
      peers: number;
      /** The whole peer group's median share, at this ticket's limit (for reference; the flag does not read it). */
      peerMedianMs: number;
      /** Estimated finish instant: past the due time exactly when likely to miss (see the rule above). */
      finishAt: number;
      /** Share (0..1) of comparable peers that went past their limit (stretched by the queue). */
      missRisk: number;
      likelyToMiss: boolean;
    };

/** The median of a list: the middle value, or the mean of the two middle ones. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * A peer group made ready for many estimates: its shares sorted once and
 * its median taken once, so each ticket's estimate is a few binary searches
 * instead of a filter and two sorts of the whole group (1,100 open tickets
 * against groups of ~2,000 peers took seconds).
 */
export interface PeerGroup {
  /** Shares of their limit, ascending. */
  readonly sorted: readonly number[];
  /** Median share of the whole group; NaN when empty. */
  readonly median: number;
}

/** The group of these shares; a list already ascending (as db/foresight-peers.ts gives) is used as it is. */
export function peerGroup(shares: readonly number[]): PeerGroup {
  const sorted = isAscending(shares) ? shares : [...shares].sort((a, b) => a - b);
  return { sorted, median: sorted.length ? middleOfSorted(sorted) : NaN };
}

function isAscending(xs: readonly number[]): boolean {
  for (let i = 1; i < xs.length; i++) if (xs[i - 1]! > xs[i]!) return false;
  return true;
}

/** Median of a non-empty ascending list. */
function middleOfSorted(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function foresee(input: ForesightInput, rule: ForesightRule = FORESIGHT_RULE): Foresight {
  const { peerShares, ...rest } = input;
  return foreseeInGroup({ ...rest, peers: peerGroup(peerShares) }, rule);
}

/** The same rule as `foresee`, on a group prepared by `peerGroup`. */
export function foreseeInGroup(input: Omit<ForesightInput, 'peerShares'> & { peers: PeerGroup }, rule: ForesightRule = FORESIGHT_RULE): Foresight {
  const { sorted } = input.peers;
  const limit = input.dueAt - input.startedAt;
  if (!(limit > 0)) return { kind: 'unknown', peers: 0 };
  const e = (input.now - input.startedAt) / limit;
  // The peers still comparable (a share above e) are the tail of the sorted group.
  const from = firstWhere(sorted, (s) => s > e);
  const still = sorted.length - from;
  if (still < MIN_PEERS) return { kind: 'unknown', peers: still };
  const stretch = 1 + rule.queueWeight * Math.max(0, input.queueAhead);
  // Compared as written (not as s > e + (1 − e) ÷ stretch) so a peer that used exactly its limit stays on time.
  const over = sorted.length - firstWhere(sorted, (s) => s > e && (s - e) * stretch > 1 - e);
  const missRisk = over / still;
  const k = lateNeeded(still, rule.riskThreshold);
  const finishAt = Math.round(input.now + (sorted[sorted.length - k]! - e) * stretch * limit);
  return {
    kind: 'estimate',
    peers: still,
    peerMedianMs: Math.round(input.peers.median * limit),
    finishAt,
    missRisk,
    likelyToMiss: missRisk >= rule.riskThreshold,
  };
}

/**
 * Of n comparable peers, how many going late make the risk reach the
 * threshold: the least k with k ÷ n ≥ threshold, found with the very
 * comparison the flag makes (0.4 × 15 is 6.000000000000001 in floating point,
 * so a bare ceil would say 7). Kept within 1..n, so a threshold above 100 %
 * (never flagged) or at 0 (always flagged) still names a peer.
 */
export function lateNeeded(n: number, threshold: number): number {
  let k = Math.max(0, Math.ceil(threshold * n) - 1);
  while (k < n && k / n < threshold) k++;
  return Math.min(n, Math.max(1, k));
}

/** Hours to one decimal, as the reason says them. */
function hours(ms: number): number {
  return Math.round(ms / 360_000) / 10;
}

/**
 * What decided the flag, in words: the share of the comparable peers (like
 * tickets that had used as much of their limit and were still open) that went
 * on to miss it, and the time left — e.g. "同类工单在此进度时 45%（9/20）最终超时，剩 6 小时".
 */
export function foresightReason(missRisk: number, peers: number, leftMs: number, locale: 'zh-CN' | 'en'): string {
  const pct = Math.round(missRisk * 100);
  const late = Math.round(missRisk * peers);
  const left = hours(Math.max(0, leftMs));
  return locale === 'en'
    ? `${pct}% of like tickets at this stage went on to miss (${late} of ${peers}); ${left} h left`
    : `同类工单在此进度时 ${pct}%（${late}/${peers}）最终超时，剩 ${left} 小时`;
}
