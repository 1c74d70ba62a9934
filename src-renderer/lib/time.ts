/**
 * Times are UTC epoch milliseconds everywhere; they are shown, and typed in,
 * as wall-clock time in the branch's zone (not the workstation's), using only
 * Intl so no time-zone data has to ship with the renderer.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string, locale: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${zone}|${locale}|${JSON.stringify(opts)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: zone, hourCycle: 'h23', ...opts });
    formatters.set(key, f);
  }
  return f;
}

type Parts = Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;

function partsIn(ms: number, zone: string): Parts {
  const parts = formatter(zone, 'en-US', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second') };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** 2026-11-28 14:05 in the zone: a fixed, sortable shape supervisors read at a glance. */
export function formatDateTime(ms: number | null | undefined, zone: string, withSeconds = false): string {
  if (ms === null || ms === undefined) return '';
  const p = partsIn(ms, zone);
  const base = `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
  return withSeconds ? `${base}:${pad(p.second)}` : base;
}

export function formatClock(ms: number, zone: string): string {
  const p = partsIn(ms, zone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/** The value a <input type="datetime-local"> needs to show `ms` in the zone. */
export function toLocalInput(ms: number, zone: string): string {
  const p = partsIn(ms, zone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

function offsetAt(ms: number, zone: string): number {
  const p = partsIn(ms, zone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000;
}

/** The instant a datetime-local value means in the zone; null when it is not a valid value. */
export function fromLocalInput(value: string, zone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return null;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  // Two passes settle the offset across a DST change (China has none, other zones may).
  let guess = wall - offsetAt(wall, zone);
  guess = wall - offsetAt(guess, zone);
  return guess;
}

export function isValidZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
