/**
 * Repeat-complaint (重复投诉) and collective-complaint (集体投诉) detection.
 * The caller fetches the candidate tickets from the window; these functions
 * only decide, so the rule is testable without a database.
 */
export interface DetectionSettings {
  repeatWindowDays: number;
  collectiveMinCustomers: number;
  collectiveWindowHours: number;
}

export const DEFAULT_DETECTION: DetectionSettings = {
  repeatWindowDays: 30,
  collectiveMinCustomers: 3,
  collectiveWindowHours: 24,
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The earliest received_at that still makes a new complaint from the same phone a repeat. */
export function repeatWindowStart(receivedAt: number, s: DetectionSettings = DEFAULT_DETECTION): number {
  return receivedAt - s.repeatWindowDays * DAY;
}

export interface PriorComplaint {
  id: number;
  receivedAt: number;
}

/** Same phone, an earlier complaint within the window (not the ticket itself). */
export function findRepeatOf(
  receivedAt: number,
  priors: readonly PriorComplaint[],
  s: DetectionSettings = DEFAULT_DETECTION,
): PriorComplaint[] {
  const start = repeatWindowStart(receivedAt, s);
  return priors.filter((p) => p.receivedAt >= start && p.receivedAt <= receivedAt);
}

export interface NearbyComplaint {
  id: number;
  phone: string;
  receivedAt: number;
}

/**
 * Tickets in the same district and category near `receivedAt`. Returns the
 * group when some 24-hour span (*default*) holding this complaint holds at
 * least the minimum number of different customers, or null: the console then
 * proposes raising them to major.
 */
export function findCollective(
  receivedAt: number,
  phone: string,
  nearby: readonly NearbyComplaint[],
  s: DetectionSettings = DEFAULT_DETECTION,
): NearbyComplaint[] | null {
  const span = s.collectiveWindowHours * HOUR;
  // Every qualifying span can be slid until it starts at one of the tickets
  // (or at this complaint), so checking those starts is enough.
  const starts = [receivedAt, ...nearby.map((t) => t.receivedAt)].filter(
    (start) => start <= receivedAt && start >= receivedAt - span,
  );
  let best: NearbyComplaint[] | null = null;
  for (const start of starts) {
    const group = nearby.filter((t) => t.receivedAt >= start && t.receivedAt <= start + span);
    const phones = new Set(group.map((t) => t.phone));
    phones.add(phone);
    if (phones.size >= s.collectiveMinCustomers && (!best || group.length > best.length)) best = group;
  }
  return best;
}

/** The range of received_at worth fetching for findCollective. */
export function collectiveWindow(receivedAt: number, s: DetectionSettings = DEFAULT_DETECTION): [number, number] {
  const span = s.collectiveWindowHours * HOUR;
  return [receivedAt - span, receivedAt + span];
}

export interface GroupedComplaint extends NearbyComplaint {
  /** Whether this complaint is one of those just arrived (an import's new rows). */
  isNew: boolean;
}

/**
 * Many complaints at once (an import): every complaint of one district and
 * category, sorted by `receivedAt`, that lies in some window of the collective
 * span holding at least the minimum number of different customers and at
 * least one new complaint. Two pointers over the sorted list: linear, however
 * many complaints share a district and category.
 */
export function collectiveRuns(sorted: readonly GroupedComplaint[], s: DetectionSettings = DEFAULT_DETECTION): NearbyComplaint[][] {
  const span = s.collectiveWindowHours * HOUR;
  const phones = new Map<string, number>();
  const runs: NearbyComplaint[][] = [];
  let end = 0; // exclusive end of the window starting at `start`
  let fresh = 0; // new complaints in the window
  let markedTo = 0; // complaints before this index are already in a run
  for (let start = 0; start < sorted.length; start++) {
    const from = sorted[start]!;
    while (end < sorted.length && sorted[end]!.receivedAt <= from.receivedAt + span) {
      const t = sorted[end]!;
      phones.set(t.phone, (phones.get(t.phone) ?? 0) + 1);
      if (t.isNew) fresh++;
      end++;
    }
    if (phones.size >= s.collectiveMinCustomers && fresh > 0) {
      // A window overlapping the last run extends it; otherwise it starts a new one.
      if (markedTo > start) for (const m of sorted.slice(markedTo, end)) runs.at(-1)!.push(m);
      else runs.push(sorted.slice(start, end));
      markedTo = end;
    }
    const n = phones.get(from.phone)! - 1;
    if (n === 0) phones.delete(from.phone);
    else phones.set(from.phone, n);
    if (from.isNew) fresh--;
  }
  return runs;
}
