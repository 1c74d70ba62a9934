/**
 * isoInZone for a month of rows: the same text, without a time-zone lookup
 * per value. A zone's offset only changes on a quarter-hour boundary, so the
 * offset (and its suffix, "+08:00" or "Z") is looked up once per quarter hour
 * and the rest is arithmetic. isoInZone costs ~40 µs a call; a 42,000-ticket
 * month writes some 200,000 instants.
 */
import { isoInZone } from '../time';

const QUARTER_HOUR = 15 * 60_000;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function isoFormatter(zone: string): (ms: number) => string {
  const offsets = new Map<number, { offsetMs: number; suffix: string }>();
  const offsetAt = (ms: number) => {
    const bucket = Math.floor(ms / QUARTER_HOUR);
    let o = offsets.get(bucket);
    if (!o) {
      const sample = isoInZone(bucket * QUARTER_HOUR, zone);
      const suffix = sample.slice(19);
      const m = /^([+-])(\d{2}):(\d{2})$/.exec(suffix);
      const offsetMs = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000 : 0;
      o = { offsetMs, suffix };
      offsets.set(bucket, o);
    }
    return o;
  };
  return (ms: number) => {
    const { offsetMs, suffix } = offsetAt(ms);
    const d = new Date(Math.floor(ms / 1000) * 1000 + offsetMs);
    return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${suffix}`;
  };
}
