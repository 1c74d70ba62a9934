/**
 * Deterministic demo data: the same seed, size, span and end day always give
 * the same tickets. Volumes peak at the start and the end of each month (as
 * the source material observes) and by working hours; older tickets are mostly
 * closed, recent ones are still being worked.
 */
import { DomainError } from '../core/errors';
import { randomBytes } from 'node:crypto';
import type { Channel, Level, Satisfaction, Status } from '../core/enums';
import type { UserInfo } from '../core/model';
import { hashPassword } from './passwords';
import type { ServiceContext } from './context';
import * as D from './seed-data';
import { backfillClocks } from '../db/clock-backfill';
import { ClockStore } from '../db/clock-store';
import { DemoStore } from '../db/demo-store';
import { withPageCache } from '../db/connection-scope';
import { seedRefunds } from './refunds/seed';
import { seedBreachCauses } from './seed-breach-causes';
import { seededRandom } from '../core/random';
import { matchRule, type TicketClockKind } from '../core/sla/policy';
import { readSlaConfig } from '../db/sla-config';
import { ListStore } from '../db/lists';

export interface SeedOptions {
  tickets: number;
  seed?: number;
  months?: number;
  /** The last instant tickets may be received at (default: the context's now). */
  end?: number;
  /** Mark the tickets as demo tickets (the console's 演示数据): kept out of reports and exports, removable together. Benchmark databases are not. */
  markDemo?: boolean;
}

const HOUR = 3_600_000;
/** How the CRM numbers each channel's tickets (demo data imitates it). */
const NUMBER_PREFIX: Record<Channel, string> = { '10086': 'GD', '10080': 'JT', '12300': 'GX', store: 'YT', online: 'ZX', social: 'SM', other: 'QT' };
const DAY = 24 * HOUR;


function weighted<T>(r: () => number, items: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = r() * total;
  for (let i = 0; i < items.length; i++) {
    x -= weights[i]!;
    if (x < 0) return items[i]!;
  }
  return items[items.length - 1]!;
}

/** Day-of-month weight: the first three and the last three days run hot. */
function dayWeight(dayOfMonth: number, daysInMonth: number): number {
  if (dayOfMonth <= 3) return 1.8;
  if (dayOfMonth > daysInMonth - 3) return 1.6;
  return 1;
}
const HOUR_WEIGHTS = [1, 0.5, 0.3, 0.2, 0.2, 0.4, 1, 3, 6, 9, 10, 9, 7, 7, 9, 9, 8, 7, 6, 6, 5, 4, 3, 2];

/** The demo's departments, city and districts go on the lists, so its tickets' values are ones the forms offer. */
function ensureLists(ctx: ServiceContext): void {
  const lists = new ListStore(ctx.db);
  const wanted = [
    ...D.DEPARTMENTS.map((name) => ['department', name] as const),
    ['city', D.CITY] as const,
    ...D.DISTRICTS.map((name) => ['district', name] as const),
  ];
  for (const [kind, name] of wanted) if (!lists.find(kind, name)) lists.add(kind, name);
}

function ensureStaff(ctx: ServiceContext, admin: UserInfo | null): UserInfo[] {
  ensureLists(ctx);
  const staff: UserInfo[] = [];
  for (const s of D.STAFF) {
    const existing = ctx.read.users.credentials(s.username);
    if (existing) {
      staff.push(existing.user);
      continue;
    }
    // Demo colleagues get unguessable passwords: an admin sets real ones before anyone uses them.
    const id = ctx.write.users.insert({
      ...s,
      passwordHash: hashPassword(randomBytes(18).toString('base64')),
      createdAt: ctx.now(),
      createdBy: admin?.id ?? null,
    });
    staff.push(ctx.read.users.get(id)!);
  }
  return staff;
}

export function seedTickets(ctx: ServiceContext, admin: UserInfo | null, opts: SeedOptions): { tickets: number; refunds: number } {
  const r = seededRandom(opts.seed ?? 1);
  const months = opts.months ?? 12;
  const end = opts.end ?? ctx.now();
  const start = end - months * 30.44 * DAY;
  const staff = ctx.db.transaction(() => ensureStaff(ctx, admin))();
  const agents = staff.filter((u) => u.role === 'agent' || u.role === 'supervisor');

  const cats = ctx.categories.list();
  const tops = cats.filter((c) => c.parentId === null);
  const childrenOf = new Map(tops.map((t) => [t.id, cats.filter((c) => c.parentId === t.id)]));
  const topWeights = tops.map((t) => D.CATEGORY_WEIGHTS[t.name] ?? 1);
  const limitsOf = deadlineLimits(ctx);
  const channels = Object.keys(D.CHANNEL_WEIGHTS) as Channel[];
  const channelWeights = channels.map((c) => D.CHANNEL_WEIGHTS[c]!);

  // Arrival days are drawn from the day-of-month shape; precompute a cumulative table once.
  const days: number[] = [];
  const dayWeights: number[] = [];
  for (let t = Math.floor(start / DAY) * DAY; t < end; t += DAY) {
    const d = new Date(t + 8 * HOUR);
    const dim = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    days.push(t);
    dayWeights.push(dayWeight(d.getUTCDate(), dim) * (d.getUTCDay() === 0 ? 0.8 : 1));
  }
  const cumulative = dayWeights.reduce<number[]>((acc, w) => (acc.push((acc.at(-1) ?? 0) + w), acc), []);
  const totalWeight = cumulative.at(-1)!;
  const pickDay = () => {
    const x = r() * totalWeight;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return days[lo]!;
  };

  const store = new DemoStore(ctx.db);
  // Seeding into a database that already has demo tickets continues their numbering.
  const lastSeq = (channel: Channel, prefix: string): number => {
    const no = ctx.read.tickets.lastTicketNo(channel, prefix);
    return no ? Number(no.slice(prefix.length)) || 0 : 0;
  };
  const firstNewId = ctx.read.tickets.lastId();
  const recentPhones: string[] = [];
  const seq = new Map<string, number>();
  const BATCH = 20_000;
  let made = 0;
  let refunds = 0;

  const batch = ctx.db.transaction((n: number) => {
    for (let i = 0; i < n; i++) {
      const channel = weighted(r, channels, channelWeights);
      const day = pickDay();
      const receivedAt = Math.min(
        end - 60_000,
        day + (weighted(r, HOUR_WEIGHTS.map((_, h) => h), HOUR_WEIGHTS) - 8) * HOUR + Math.floor(r() * HOUR),
      );
      const top = weighted(r, tops, topWeights);
      const kids = childrenOf.get(top.id)!;
      const category = kids.length && r() < 0.9 ? kids[Math.floor(r() * kids.length)]! : top;
      const repeat = recentPhones.length > 50 && r() < 0.06;
      const phone = repeat
        ? recentPhones[Math.floor(r() * recentPhones.length)]!
        : D.PHONE_PREFIXES[Math.floor(r() * D.PHONE_PREFIXES.length)]! + String(Math.floor(r() * 1e8)).padStart(8, '0');
      recentPhones.push(phone);
      if (recentPhones.length > 2000) recentPhones.shift();
      const level: Level =
        channel === '10080' || channel === '12300' ? 'overlevel' : r() < 0.04 ? 'major' : 'normal';
      const agent = agents[Math.floor(r() * agents.length)]!;
      const age = end - receivedAt;
      const limits = limitsOf(channel, level, category.id, category.parentId);
      const { status, firstResponseAt, resolvedAt, closedAt, satisfaction } = lifeSoFar(r, receivedAt, age, limits);
      const prefix = `${NUMBER_PREFIX[channel]}${new Date(receivedAt + 8 * HOUR).toISOString().slice(0, 10).replace(/-/g, '')}`;
      const n = (seq.get(prefix) ?? lastSeq(channel, prefix)) + 1;
      seq.set(prefix, n);
      const descs = D.DESCRIPTIONS[top.name] ?? D.DESCRIPTIONS['其他']!;
      const accepted = status !== 'new';
      store.insertTicket({
        ticketNo: `${prefix}${String(n).padStart(5, '0')}`,
        channel,
        receivedAt,
        phone,
        customerName: r() < 0.7 ? D.SURNAMES[Math.floor(r() * D.SURNAMES.length)]! + D.GIVEN[Math.floor(r() * D.GIVEN.length)]! : null,
        city: D.CITY,
        district: weighted(r, D.DISTRICTS, D.DISTRICT_WEIGHTS),
        categoryId: category.id,
        level,
        status,
        description: descs[Math.floor(r() * descs.length)]!,
        firstResponderId: accepted ? agent.id : null,
        assigneeId: accepted ? agent.id : null,
        assigneeName: accepted ? agent.displayName : null,
        department: accepted ? (agent.department ?? D.DEPARTMENTS[0]) : null,
        firstResponseAt,
        resolvedAt,
        closedAt,
        resolutionNote: resolvedAt ? D.RESOLUTIONS[Math.floor(r() * D.RESOLUTIONS.length)]! : null,
        satisfaction,
        isRepeat: repeat,
        createdBy: admin?.id ?? null,
      });
    }
  });
  // Index pages for a million rows do not fit the default 2 MB page cache; give the bulk load room.
  withPageCache(ctx.db, 256 * 1024, () => {
    // One transaction for the whole seeding (the batches inside are savepoints): a seed killed
    // half-way leaves nothing, never tickets without their clocks or their refunds.
    ctx.db.transaction(() => {
      while (made < opts.tickets) {
        const n = Math.min(BATCH, opts.tickets - made);
        batch(n);
        made += n;
      }
      // Demo tickets get their deadline clocks like any other.
      backfillClocks(ctx.db, firstNewId);
      refunds = seedRefunds(ctx, r, { fromTicketId: firstNewId, end });
      seedBreachCauses(ctx, opts.seed ?? 1, firstNewId);
      if (opts.markDemo) store.markDemo(firstNewId);
    }).immediate();
  });
  // A running monitor hears of them once they are there.
  ctx.bus.emit('clocks-changed', { earliest: new ClockStore(ctx.db).nextAlertAt() });
  ctx.bus.emit('demo-loaded', { tickets: made });
  return { tickets: made, refunds };
}

type Limits = Record<TicketClockKind, number>;

/** Each ticket's deadlines (ms) under the branch's policy, by channel, level and category. */
function deadlineLimits(ctx: ServiceContext) {
  const { rules } = readSlaConfig(ctx.db);
  const cache = new Map<string, Limits>();
  const fallback: Limits = { first_response: 2 * HOUR, resolution: 24 * HOUR, follow_up: 24 * HOUR };
  return (channel: Channel, level: Level, categoryId: number, parentCategoryId: number | null): Limits => {
    const key = `${channel}|${level}|${categoryId}`;
    let limits = cache.get(key);
    if (!limits) {
      const m = matchRule(rules, { channel, level, categoryId, parentCategoryId })?.limitsMin;
      limits = m ? { first_response: m.first_response * 60_000, resolution: m.resolution * 60_000, follow_up: m.follow_up * 60_000 } : fallback;
      cache.set(key, limits);
    }
    return limits;
  };
}

/**
 * How long a step took, as a share of its limit: most finish well inside it
 * and a few run late, so the demo branch is judged like a real one (及时率
 * near 90 %, a handful of breaches a day), whatever its policy.
 */
function stepTime(r: () => number, limitMs: number, lateShare: number): number {
  return limitMs * (r() < lateShare ? 1.05 + r() * 1.5 : 0.1 + r() * 0.8);
}

/** Where a ticket of this age has got to: old ones closed, new ones still open. */
function lifeSoFar(r: () => number, receivedAt: number, age: number, limits: Limits) {
  const respondAfter = stepTime(r, limits.first_response, 0.05);
  const resolveAfter = Math.max(respondAfter + 0.25 * HOUR, stepTime(r, limits.resolution, 0.09));
  const closeAfter = resolveAfter + stepTime(r, limits.follow_up, 0.04);
  const firstResponseAt = age > respondAfter ? receivedAt + Math.round(respondAfter) : null;
  const resolvedAt = age > resolveAfter ? receivedAt + Math.round(resolveAfter) : null;
  // A few recent resolutions still wait for their follow-up call; older ones have all been closed.
  const unclosed = r() >= 0.97 && age < 14 * 24 * HOUR;
  const closedAt = age > closeAfter && !unclosed ? receivedAt + Math.round(closeAfter) : null;
  let status: Status;
  if (closedAt) status = 'closed';
  else if (resolvedAt) status = 'resolved';
  else if (firstResponseAt) status = (['accepted', 'in_progress', 'in_progress', 'pending_customer', 'responded'] as const)[Math.floor(r() * 5)]!;
  else status = 'new';
  const sat = r();
  const satisfaction: Satisfaction | null = closedAt ? (sat < 0.78 ? 'satisfied' : sat < 0.93 ? 'basically_satisfied' : 'dissatisfied') : null;
  return { status, firstResponseAt, resolvedAt, closedAt, satisfaction };
}

/** A first look at the console: a few thousand tickets over six months, ending now. */
/**
 * 3,000 made-up tickets to try the console with — only into an empty database:
 * in a working one they would change the month's numbers and could not be
 * told apart from real complaints.
 */
export function seedDemo(ctx: ServiceContext, admin: UserInfo): { tickets: number; refunds: number } {
  const existing = ctx.read.tickets.count();
  if (existing > 0) throw new DomainError('demo_needs_empty', { tickets: existing });
  const made = seedTickets(ctx, admin, { tickets: 3000, seed: 20261128, months: 6, markDemo: true });
  ctx.audit.add(ctx.now(), admin.id, 'demo.load', null, made);
  return made;
}
