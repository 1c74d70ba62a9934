/** `complaint-desk report` as docs/REQUIREMENTS.md §9 has it, on the hand-made October of fixture.ts. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCaptured } from '../../helpers/cli';
import { tempDb, type TestDb } from '../../helpers/temp-db';
import { NOW, seedOctober } from './fixture';

let t: TestDb;
beforeEach(() => {
  t = tempDb(NOW);
  seedOctober(t.ctx);
});
afterEach(() => t.close());

const cli = (args: string[]) => runCaptured([...args, '--db', t.file], { now: () => NOW });

describe('complaint-desk report', () => {
  it('--month --json prints one object with the KPIs of docs/REQUIREMENTS.md §9, rates as fractions', async () => {
    const r = await cli(['report', '--month', '2026-10', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ total: 6, resolved: 4, dueCount: 5, onTime: 3, timelinessRate: 0.6 });
    expect(out.resolutionRate).toBeCloseTo(4 / 6, 10);
    expect(out.repeatRate).toBeCloseTo(1 / 6, 10);
    expect(out.overlevelRate).toBeCloseTo(2 / 6, 10);
    expect((out.byCategory as Array<{ name: string; count: number }>).map((c) => [c.name, c.count])).toEqual([
      ['网络质量', 3],
      ['资费计费', 2],
      ['服务质量', 1],
    ]);
    expect((out.byChannel as Array<{ channel: string; count: number }>)[0]).toMatchObject({ channel: '10086', count: 3 });
    expect(out).toMatchObject({ start: '2026-10-01T00:00:00+08:00', end: '2026-11-01T00:00:00+08:00', at: '2026-11-02T10:00:00+08:00' });
  });

  it('--from/--to are local days with --to included, and filters repeat', async () => {
    const r = await cli(['report', '--from', '2026-10-31', '--to', '2026-10-31', '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ total: 1, dueCount: 0, timelinessRate: null });
    const f = await cli(['report', '--month', '2026-10', '--district', '禅城区', '--district', '南海区', '--channel', '12300', '--json']);
    expect(JSON.parse(f.stdout)).toMatchObject({ total: 1, overlevel: 1 });
    const c = await cli(['report', '--month', '2026-10', '--category', '网络质量', '--assignee', 'xiaoli', '--json']);
    expect(JSON.parse(c.stdout)).toMatchObject({ total: 1 }); // T1
  });

  it('an empty month prints null rates', async () => {
    const out = JSON.parse((await cli(['report', '--month', '2026-07', '--json'])).stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ total: 0, resolutionRate: null, timelinessRate: null, repeatRate: null, overlevelRate: null, byCategory: [] });
  });

  it('usage errors exit 2 with the usage line; an unknown category exits 1', async () => {
    for (const args of [
      ['report'],
      ['report', '--month', '2026-13'],
      ['report', '--month', '2026-10', '--from', '2026-10-01', '--to', '2026-10-02'],
      ['report', '--from', '2026-10-05'],
      ['report', '--from', '2026-10-05', '--to', '2026-10-01'],
      ['report', '--from', '2026-02-30', '--to', '2026-03-01'],
      ['report', '--month', '2026-10', '--channel', 'fax'],
      ['report', '--month', '2026-10', '--bogus'],
    ]) {
      const r = await cli([...args, '--json']);
      expect(r.code, args.join(' ')).toBe(2);
      expect(JSON.parse(r.stdout), args.join(' ')).toMatchObject({ error: { code: 'usage' } });
      expect(r.stderr).toMatch(/Usage: complaint-desk report/);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
    const unknown = await cli(['report', '--month', '2026-10', '--category', '天气', '--json']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/Unknown category "天气"/);
  });

  it('prints a readable summary without --json', async () => {
    const r = await cli(['report', '--month', '2026-10']);
    expect(r.stdout).toMatch(/timeliness 60\.0% \(3 of 5 due\)/);
  });
});
