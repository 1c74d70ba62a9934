/** When the console reminds about the monthly report: each boundary with a pinned clock, in China time. */
import { describe, expect, it } from 'vitest';
import { uploadReminders, reminderKey, type MonthUpload } from '../../../src-main/core/export/reminders';

const ZONE = 'Asia/Shanghai';
/** An instant given as China wall-clock time. */
const cn = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h - 8, mi);
const HOUR = 3_600_000;

const upload = (over: Partial<MonthUpload>): MonthUpload => ({
  month: '2026-10',
  revision: 1,
  state: 'failed',
  failingSince: null,
  lastError: null,
  nextAttemptAt: null,
  ...over,
});

describe('last month not sent, on the 1st to the 3rd', () => {
  const at = (now: number, uploads: MonthUpload[] = [], lastMonthTickets = 120) => uploadReminders({ now, zone: ZONE, uploads, lastMonthTickets });

  it('reminds from the first minute of the 1st to the last minute of the 3rd, China time', () => {
    expect(at(cn(2026, 11, 1, 0, 0))).toEqual([{ kind: 'month_not_sent', month: '2026-10', queued: false }]);
    expect(at(cn(2026, 11, 3, 23, 59))).toEqual([{ kind: 'month_not_sent', month: '2026-10', queued: false }]);
  });

  it('is silent on the 4th, and on the last day of the month before', () => {
    expect(at(cn(2026, 11, 4, 0, 0))).toEqual([]);
    expect(at(cn(2026, 10, 31, 23, 59))).toEqual([]);
  });

  it('goes by the branch calendar, not UTC: 1 November 07:00 in China is still 31 October in UTC', () => {
    expect(at(cn(2026, 11, 1, 7))).toHaveLength(1);
    expect(uploadReminders({ now: cn(2026, 11, 1, 7), zone: 'UTC', uploads: [], lastMonthTickets: 5 })).toEqual([]);
  });

  it('in January means December of the year before', () => {
    expect(at(cn(2027, 1, 2, 9))).toEqual([{ kind: 'month_not_sent', month: '2026-12', queued: false }]);
  });

  it('is silent once any revision of last month was sent, and when last month had no tickets', () => {
    expect(at(cn(2026, 11, 2, 9), [upload({ revision: 1, state: 'sent' }), upload({ revision: 2, state: 'queued' })])).toEqual([]);
    expect(at(cn(2026, 11, 2, 9), [], 0)).toEqual([]);
  });

  it('says when the month is queued but not through yet', () => {
    expect(at(cn(2026, 11, 2, 9), [upload({ state: 'queued' })])).toEqual([{ kind: 'month_not_sent', month: '2026-10', queued: true }]);
  });
});

describe('an upload failing for more than a day', () => {
  const failedAt = cn(2026, 11, 10, 9);
  const at = (hours: number, over: Partial<MonthUpload> = {}) =>
    uploadReminders({ now: failedAt + hours * HOUR, zone: ZONE, uploads: [upload({ failingSince: failedAt, lastError: 'HTTP 503', nextAttemptAt: failedAt + 30 * HOUR, ...over })], lastMonthTickets: 120 });

  it('is not reminded after 23 h, nor at exactly 24 h', () => {
    expect(at(23)).toEqual([]);
    expect(at(24)).toEqual([]);
  });

  it('is reminded after 25 h, with its error and next try', () => {
    expect(at(25)).toEqual([
      { kind: 'upload_failing', month: '2026-10', revision: 1, state: 'failed', failingSince: failedAt, lastError: 'HTTP 503', nextAttemptAt: failedAt + 30 * HOUR },
    ]);
  });

  it('counts a refusal by headquarters and a try under way as still failing, a sent one not', () => {
    expect(at(25, { state: 'rejected', nextAttemptAt: null })).toHaveLength(1);
    expect(at(25, { state: 'sending' })).toHaveLength(1);
    expect(at(25, { state: 'sent' })).toEqual([]);
  });

  it('looks only at the latest revision of each month', () => {
    const now = failedAt + 25 * HOUR;
    const old = upload({ revision: 1, failingSince: failedAt, state: 'failed' });
    expect(uploadReminders({ now, zone: ZONE, uploads: [old, upload({ revision: 2, state: 'sent' })], lastMonthTickets: 1 })).toEqual([]);
    expect(uploadReminders({ now, zone: ZONE, uploads: [old, upload({ revision: 2, state: 'queued' })], lastMonthTickets: 1 })).toEqual([]);
  });

  it('on the 1st to the 3rd, a failing last month is reminded once, as failing', () => {
    const since = cn(2026, 10, 31, 20);
    const r = uploadReminders({ now: cn(2026, 11, 2, 9), zone: ZONE, uploads: [upload({ failingSince: since })], lastMonthTickets: 10 });
    expect(r.map(reminderKey)).toEqual(['failing:2026-10:r1']);
  });
});
