/**
 * Today's "likely to miss": open tickets whose resolution clock has not yet
 * reached its warning share, but whose estimate (core/sla/foresight.ts) says
 * they will finish after their limit — the warning before the warning. The
 * peer groups are the tickets of the same category and department settled in
 * the last HISTORY_DAYS. Agents see their own tickets; supervisors and above
 * see every ticket.
 */
import { ForesightHistory, type OpenResolution } from '../db/foresight-history';
import { peerKey } from '../db/foresight-peers';
import { foreseeInGroup, foresightReason, MIN_PEERS, peerGroup, type PeerGroup } from '../core/sla/foresight';
import { roleAtLeast } from '../core/enums';
import type { Locale } from '../core/messages';
import type { UserInfo } from '../core/model';
import type { ServiceContext } from './context';

/** How far back the peer groups reach: about six months. */
export const HISTORY_DAYS = 183;
const DAY = 86_400_000;

export interface ForesightRow {
  ticketId: number;
  ticketNo: string;
  dueAt: number;
  /** Estimated finish instant: past dueAt exactly when the ticket is likely to miss (core/sla/foresight.ts). */
  finishAt: number;
  /** Share (0..1) of comparable settled peers that took longer than this ticket's limit. */
  missRisk: number;
  /** Median resolution time of the peer group, at this ticket's limit (ms); for reference, the flag does not read it. */
  peerMedianMs: number;
  /** Comparable peers the estimate rests on. */
  peers: number;
  /** What decided: e.g. "同类工单在此进度时 45%（9/20）最终超时，剩 6 小时". */
  reason: string;
}

export interface LikelyToMiss {
  total: number;
  rows: ForesightRow[];
}

export type OpenForecast = ForesightRow & { likelyToMiss: boolean; warnAt: number | null };

/** What the forecasts read: peer groups settled in a window and the assignees' queues (the database, or the bench's replay of it). */
export type ForesightSource = Pick<ForesightHistory, 'settledPeerGroups' | 'queues'>;

/** One open ticket's forecast at `now` from its peer group and its assignee's open tickets (null: too few peers). */
function forecastOne(t: OpenResolution, now: number, peers: PeerGroup, queue: number, locale: Locale): OpenForecast | null {
  const queueAhead = t.assigneeId === null ? 0 : Math.max(0, queue - 1);
  const f = foreseeInGroup({ now, startedAt: t.startedAt, dueAt: t.dueAt, peers, queueAhead });
  if (f.kind === 'unknown') return null;
  return {
    ticketId: t.ticketId,
    ticketNo: t.ticketNo,
    dueAt: t.dueAt,
    warnAt: t.warnAt,
    finishAt: f.finishAt,
    missRisk: f.missRisk,
    peerMedianMs: f.peerMedianMs,
    peers: f.peers,
    likelyToMiss: f.likelyToMiss,
    reason: foresightReason(f.missRisk, f.peers, t.dueAt - now, locale),
  };
}

/** Forecasts for open tickets at `now` from the history before it; the bench replays the past with it. */
export function forecastOpen(history: ForesightSource, now: number, open: readonly OpenResolution[], locale: Locale): OpenForecast[] {
  const groups = new Map<string, PeerGroup>();
  for (const [key, shares] of history.settledPeerGroups(now - HISTORY_DAYS * DAY, now)) groups.set(key, peerGroup(shares));
  const none = peerGroup([]);
  const queues = history.queues();
  const out: OpenForecast[] = [];
  for (const t of open) {
    const queue = t.assigneeId === null ? 0 : (queues.get(t.assigneeId) ?? 1);
    const f = forecastOne(t, now, groups.get(peerKey(t.categoryId, t.department)) ?? none, queue, locale);
    if (f) out.push(f);
  }
  return out;
}

/**
 * The ticket page's forecast: `none` when its resolution clock is not
 * running with a due time (settled, paused, untimed), `unknown` with too few
 * like tickets to say, else the estimate Today's list would give it.
 */
export type TicketForecast =
  | { state: 'none' }
  | { state: 'unknown'; peers: number; minPeers: number }
  | ({ state: 'estimate'; queueAhead: number } & OpenForecast);

export function forecastTicket(ctx: ServiceContext, ticketId: number, locale: Locale = 'zh-CN'): TicketForecast {
  const now = ctx.now();
  const history = new ForesightHistory(ctx.db);
  const t = history.openResolution(ticketId);
  if (!t) return { state: 'none' };
  // The groups Today reads, kept per connection until a write: exactly Today's peers, and no second scan
  // (one group read alone walked the category's whole history: seconds on 1,000,000 tickets).
  const peers = peerGroup(history.settledPeerGroups(now - HISTORY_DAYS * DAY, now).get(peerKey(t.categoryId, t.department)) ?? []);
  const queue = t.assigneeId === null ? 0 : (history.queues().get(t.assigneeId) ?? 1);
  const f = forecastOne(t, now, peers, queue, locale);
  if (!f) return { state: 'unknown', peers: peers.sorted.filter((s) => s > (now - t.startedAt) / (t.dueAt - t.startedAt)).length, minPeers: MIN_PEERS };
  return { state: 'estimate', queueAhead: t.assigneeId === null ? 0 : Math.max(0, queue - 1), ...f };
}

/** Tickets not yet warned nor due whose estimate finishes past their limit, due first. */
export function likelyToMiss(ctx: ServiceContext, viewer: UserInfo, limit: number, locale: Locale = 'zh-CN'): LikelyToMiss {
  const now = ctx.now();
  const history = new ForesightHistory(ctx.db);
  const mine = roleAtLeast(viewer.role, 'supervisor') ? null : viewer.id;
  const open = history.openResolutions(mine).filter((t) => t.dueAt > now && (t.warnAt === null || t.warnAt > now));
  const flagged = forecastOpen(history, now, open, locale)
    .filter((r) => r.likelyToMiss)
    .map(({ likelyToMiss: _l, warnAt: _w, ...row }) => row);
  return { total: flagged.length, rows: flagged.slice(0, limit) };
}
