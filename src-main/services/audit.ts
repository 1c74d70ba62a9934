/**
 * The audit log as an administrator reads it: filtered by who, what kind of
 * event and which local days, a page at a time, or all of it as a CSV file.
 */
import type { AuditFilter, AuditRow } from '../db/audit';
import type { Page, UserInfo } from '../core/model';
import { csvLine } from '../core/cells';
import { isoInZone, localStamp, zonedInstant } from '../core/time';
import type { Locale } from '../core/messages';
import { branchSettings } from './settings';
import type { ServiceContext } from './context';

export interface AuditQuery {
  actorId?: number | undefined;
  /** An exact action or an area ending in a dot (`auth.`). */
  action?: string | undefined;
  /** Local days (YYYY-MM-DD) in the branch's zone, both included. */
  fromDay?: string | undefined;
  toDay?: string | undefined;
}

export interface AuditEntry extends AuditRow {
  actorName: string | null;
}

export interface AuditPage extends Page<AuditEntry> {
  /** Every action that occurs in the log, for the filter's choices. */
  actions: string[];
}

/** More rows than this and the export keeps the newest and says so. */
export const AUDIT_EXPORT_MAX = 100_000;

function dayStart(zone: string, day: string, plusDays = 0): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return zonedInstant(zone, y, m, d + plusDays);
}

function toFilter(ctx: ServiceContext, q: AuditQuery): AuditFilter {
  const { zone } = branchSettings(ctx);
  return {
    actorId: q.actorId,
    action: q.action,
    from: q.fromDay ? dayStart(zone, q.fromDay) : undefined,
    to: q.toDay ? dayStart(zone, q.toDay, 1) : undefined,
  };
}

function namer(ctx: ServiceContext): (id: number | null) => string | null {
  const byId = new Map(ctx.read.users.list().map((u) => [u.id, u]));
  return (id) => (id === null ? null : (byId.get(id)?.displayName ?? `#${id}`));
}

export function listAudit(ctx: ServiceContext, q: AuditQuery, offset: number, limit: number): AuditPage {
  const filter = toFilter(ctx, q);
  const name = namer(ctx);
  return {
    rows: ctx.audit.page(filter, offset, limit).map((r) => ({ ...r, actorName: name(r.actorId) })),
    total: ctx.audit.count(filter),
    actions: ctx.audit.actions(),
  };
}

export interface AuditExport {
  fileName: string;
  csv: string;
  /** Rows written, and how many matched (more than written when the cap was reached). */
  rows: number;
  total: number;
}

const HEADERS: Record<Locale, string[]> = {
  'zh-CN': ['时间', '操作人', '操作人账号', '事件', '对象', '详情'],
  en: ['Time', 'Actor', 'Actor account', 'Event', 'Subject', 'Details'],
};

/**
 * The filtered log as CSV (UTF-8 with a BOM so Excel reads the Chinese,
 * every cell made formula-safe), newest first. The export is itself audited.
 */
export function exportAudit(ctx: ServiceContext, actor: UserInfo, q: AuditQuery, locale: Locale): AuditExport {
  const filter = toFilter(ctx, q);
  const { zone } = branchSettings(ctx);
  const users = new Map(ctx.read.users.list().map((u) => [u.id, u]));
  const total = ctx.audit.count(filter);
  const lines = ['\uFEFF' + csvLine(HEADERS[locale])];
  let rows = 0;
  for (const r of ctx.audit.iterate(filter)) {
    if (rows === AUDIT_EXPORT_MAX) break;
    const who = r.actorId === null ? undefined : users.get(r.actorId);
    lines.push(
      csvLine([
        isoInZone(r.at, zone),
        who?.displayName ?? (r.actorId === null ? '' : `#${r.actorId}`),
        who?.username ?? '',
        r.action,
        r.subject ?? '',
        JSON.stringify(r.details),
      ]),
    );
    rows++;
  }
  ctx.audit.add(ctx.now(), actor.id, 'audit.export', null, { ...q, rows, total });
  return { fileName: `audit-${localStamp(ctx.now(), zone)}.csv`, csv: lines.join(''), rows, total };
}
