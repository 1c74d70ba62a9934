/**
 * Foresight: will an open ticket miss its resolution limit? The estimate comes
 * from the branch's own history — how long settled tickets of the same
 * category and department took to resolve (their peer group) — and from the
 * queue of the ticket's assignee. The rule is meant to be checked on paper:
 *
 *   elapsed   = now − start of the resolution clock
 *   still     = peers that took longer than `elapsed` (those this ticket can still be like)
 *   remaining = median(d − elapsed for d in still) × (1 + QUEUE_WEIGHT × other open tickets of the assignee)
 *   finish    = now + remaining
 *   risk      = share of `still` that took longer than the limit (due − start)
 *   likely to miss ⇔ at least MIN_PEERS in `still` and finish > due
 *
 * Durations are wall-clock (clock start to stop), pauses included: a peer that
 * waited on its customer waited in the customer's eyes too.
 */

/** Fewer peers than this and the history says nothing: no forecast. */
export const MIN_PEERS = 5;
/** Each other open ticket of the assignee stretches the remaining time by this share. */
export const QUEUE_WEIGHT = 0.1;

export interface ForesightInput {
  now: number;
  /** When the resolution clock started. */
  startedAt: number;
  /** When it is due. */
  dueAt: number;
  /** Resolution durations (ms) of settled peers: same category and department. */
  peerDurationsMs: readonly number[];
  /** Open tickets of the assignee besides this one (0 when unassigned). */
  queueAhead: number;
}

export type Foresight =
  | { kind: 'unknown'; peers: number }
  | {
      kind: 'estimate';
      /** Peers still comparable (took longer than this ticket has run). */
      peers: number;
      /** Median duration of the whole peer group (the reason's "中位处理"). */
      peerMedianMs: number;
      /** Estimated finish instant. */
      finishAt: number;
      /** Share (0..1) of comparable peers that took longer than this ticket's limit. */
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
 * A peer group made ready for many estimates: its durations sorted once and
 * its median taken once, so each ticket's estimate is a few binary searches
 * instead of a filter and two sorts of the whole group (1,100 open tickets
 * against groups of ~2,000 peers took seconds).
 */
export interface PeerGroup {
  /** Durations (ms), ascending. */
  readonly sorted: readonly number[];
  /** Median of the whole group; NaN when empty. */
  readonly medianMs: number;
}

/** The group of these durations; a list already ascending (as db/foresight-peers.ts gives) is used as it is. */
export function peerGroup(durationsMs: readonly number[]): PeerGroup {
  const sorted = isAscending(durationsMs) ? durationsMs : [...durationsMs].sort((a, b) => a - b);
  return { sorted, medianMs: sorted.length ? middleOfSorted(sorted, 0) : NaN };
}

function isAscending(xs: readonly number[]): boolean {
  for (let i = 1; i < xs.length; i++) if (xs[i - 1]! > xs[i]!) return false;
  return true;
}

/** Index of the first value greater than `x` in an ascending list. */
function firstAbove(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Median of sorted[from..], each value less `minus` (as the rule's "what they still needed"). */
function middleOfSorted(sorted: readonly number[], from: number, minus = 0): number {
  const n = sorted.length - from;
  const mid = from + Math.floor(n / 2);
  return n % 2 === 1 ? sorted[mid]! - minus : (sorted[mid - 1]! - minus + (sorted[mid]! - minus)) / 2;
}

export function foresee(input: ForesightInput): Foresight {
  const { peerDurationsMs, ...rest } = input;
  return foreseeInGroup({ ...rest, peers: peerGroup(peerDurationsMs) });
}

/** The same rule as `foresee`, on a group prepared by `peerGroup`. */
export function foreseeInGroup(input: Omit<ForesightInput, 'peerDurationsMs'> & { peers: PeerGroup }): Foresight {
  const { sorted } = input.peers;
  const elapsed = input.now - input.startedAt;
  const limit = input.dueAt - input.startedAt;
  // The peers still comparable ("took longer than elapsed") are the tail of the sorted group.
  const from = firstAbove(sorted, elapsed);
  const still = sorted.length - from;
  if (still < MIN_PEERS) return { kind: 'unknown', peers: still };
  const remaining = middleOfSorted(sorted, from, elapsed) * (1 + QUEUE_WEIGHT * Math.max(0, input.queueAhead));
  const finishAt = Math.round(input.now + remaining);
  const overLimit = sorted.length - firstAbove(sorted, Math.max(limit, elapsed));
  return {
    kind: 'estimate',
    peers: still,
    peerMedianMs: input.peers.medianMs,
    finishAt,
    missRisk: overLimit / still,
    likelyToMiss: finishAt > input.dueAt,
  };
}

/** Hours to one decimal, as the reason says them. */
function hours(ms: number): number {
  return Math.round(ms / 360_000) / 10;
}

/** Why a ticket is flagged, e.g. "此类工单中位处理 31 小时，剩 6 小时". */
export function foresightReason(peerMedianMs: number, leftMs: number, locale: 'zh-CN' | 'en'): string {
  const typical = hours(peerMedianMs);
  const left = hours(Math.max(0, leftMs));
  return locale === 'en'
    ? `Tickets like this take ${typical} h (median); ${left} h left`
    : `此类工单中位处理 ${typical} 小时，剩 ${left} 小时`;
}
