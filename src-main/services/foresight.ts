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
import { foreseeInGroup, foresightReason, peerGroup, type PeerGroup } from '../core/sla/foresight';
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
  /** Estimated finish instant. */
  finishAt: number;
  /** Share (0..1) of comparable settled peers that took longer than this ticket's limit. */
  missRisk: number;
  /** Median resolution time of the peer group (ms). */
  peerMedianMs: number;
  /** Comparable peers the estimate rests on. */
  peers: number;
  /** E.g. "此类工单中位处理 31 小时，剩 6 小时". */
  reason: string;
}

export interface LikelyToMiss {
  total: number;
  rows: ForesightRow[];
}

/** Forecasts for open tickets at `now` from the history before it; the bench replays the past with it. */
export function forecastOpen(
  history: ForesightHistory,
  now: number,
  open: readonly OpenResolution[],
  locale: Locale,
): Array<ForesightRow & { likelyToMiss: boolean; warnAt: number | null }> {
  const groups = new Map<string, PeerGroup>();
  for (const [key, durations] of history.settledPeerGroups(now - HISTORY_DAYS * DAY, now)) groups.set(key, peerGroup(durations));
  const none = peerGroup([]);
  const queues = history.queues();
  const out: Array<ForesightRow & { likelyToMiss: boolean; warnAt: number | null }> = [];
  for (const t of open) {
    const queueAhead = t.assigneeId === null ? 0 : Math.max(0, (queues.get(t.assigneeId) ?? 1) - 1);
    const f = foreseeInGroup({ now, startedAt: t.startedAt, dueAt: t.dueAt, peers: groups.get(peerKey(t.categoryId, t.department)) ?? none, queueAhead });
    if (f.kind === 'unknown') continue;
    out.push({
      ticketId: t.ticketId,
      ticketNo: t.ticketNo,
      dueAt: t.dueAt,
      warnAt: t.warnAt,
      finishAt: f.finishAt,
      missRisk: f.missRisk,
      peerMedianMs: f.peerMedianMs,
      peers: f.peers,
      likelyToMiss: f.likelyToMiss,
      reason: foresightReason(f.peerMedianMs, t.dueAt - now, locale),
    });
  }
  return out;
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
