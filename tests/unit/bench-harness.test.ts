/** The benchmark harness's own decisions (tests/bench/lib/harness.ts): no benchmark is run and nothing is timed. */
import { describe, expect, it } from 'vitest';
import {
  benchFailure,
  cpuFromTime,
  formatFigure,
  LIMIT_S,
  parseFigure,
  parseRunArgs,
  seedDecision,
  selectBenches,
  summaryLines,
} from '../bench/lib/harness';

describe('parseRunArgs', () => {
  it('runs everything on the full database with the full limit when given nothing', () => {
    expect(parseRunArgs([])).toEqual({ quick: false, only: [], skip: [], db: null, limitS: LIMIT_S.full });
  });

  it('reads --quick, comma lists and repeated --only/--skip, --db and --limit-s', () => {
    expect(parseRunArgs(['--quick', '--only', 'list,report', '--only', 'sla', '--skip', 'scroll', '--db', '/tmp/me.db', '--limit-s', '30'])).toEqual({
      quick: true,
      only: ['list', 'report', 'sla'],
      skip: ['scroll'],
      db: '/tmp/me.db',
      limitS: 30,
    });
  });

  it('gives --quick its shorter limit', () => {
    expect(parseRunArgs(['--quick']).limitS).toBe(180);
  });

  it('refuses an unknown option, a stray word and a limit that is not a positive number', () => {
    expect(() => parseRunArgs(['--fast'])).toThrow(/fast/);
    expect(() => parseRunArgs(['list'])).toThrow();
    expect(() => parseRunArgs(['--limit-s', 'soon'])).toThrow('--limit-s takes a number of seconds above 0, not "soon"');
    expect(() => parseRunArgs(['--limit-s', '0'])).toThrow(/above 0/);
  });
});

describe('selectBenches', () => {
  const files = ['hq-ingest.bench.ts', 'list.bench.ts', 'lib', 'run.ts', 'import-fixture.ts', 'zeta.bench.ts', 'alpha.bench.ts', 'startup.bench.ts', 'report.bench.ts'];

  it('runs every *.bench.ts, the console figures first, unnamed ones before the import, in name order', () => {
    expect(selectBenches([...files, 'import.bench.ts'], { only: [], skip: [] })).toEqual([
      'list.bench.ts',
      'startup.bench.ts',
      'report.bench.ts',
      'hq-ingest.bench.ts',
      'alpha.bench.ts',
      'zeta.bench.ts',
      'import.bench.ts',
    ]);
  });

  it('narrows by --only (any of the substrings) and then --skip', () => {
    expect(selectBenches(files, { only: ['a', 'list'], skip: ['startup'] })).toEqual(['list.bench.ts', 'alpha.bench.ts', 'zeta.bench.ts']);
  });
});

describe('seedDecision', () => {
  const wanted = { seedVersion: 2, tickets: 1_000_000, months: 24 };
  const marker = (o: Record<string, unknown> = {}) =>
    JSON.stringify({ seedVersion: 2, tickets: 1_000_000, months: 24, seedMs: 433_125, seededAt: '2026-11-29T18:28:00Z', ...o });

  it('reuses a file whose marker has this seed version and this size, with the marker\'s seed time', () => {
    expect(seedDecision(marker(), true, wanted)).toEqual({
      reuse: true,
      marker: { seedVersion: 2, tickets: 1_000_000, months: 24, seedMs: 433_125, seededAt: '2026-11-29T18:28:00Z' },
    });
  });

  it('seeds again when the seed version differs, and says so', () => {
    expect(seedDecision(marker({ seedVersion: 1 }), true, wanted)).toEqual({ reuse: false, reason: 'seeded with seed version 1, this is 2' });
  });

  it('seeds again for another size', () => {
    expect(seedDecision(marker({ tickets: 30_000 }), true, wanted)).toEqual({
      reuse: false,
      reason: 'seeded with 30000 tickets over 24 months, 1000000 over 24 wanted',
    });
    expect(seedDecision(marker({ months: 12 }), true, wanted).reuse).toBe(false);
  });

  it('seeds when the file is missing, even with a matching marker', () => {
    expect(seedDecision(marker(), false, wanted)).toEqual({ reuse: false, reason: 'no database file' });
  });

  it('seeds when the marker is missing, not JSON, or lacks a field', () => {
    expect(seedDecision(null, true, wanted)).toEqual({ reuse: false, reason: 'no seed marker beside it' });
    expect(seedDecision('{"seedVersion":', true, wanted)).toEqual({ reuse: false, reason: 'its seed marker is not JSON' });
    expect(seedDecision('null', true, wanted).reuse).toBe(false);
    expect(seedDecision(JSON.stringify({ seedVersion: 2, tickets: 1_000_000, months: 24 }), true, wanted)).toEqual({
      reuse: false,
      reason: 'its seed marker lacks seedVersion, tickets, months, seedMs or seededAt',
    });
  });
});

describe('the figure line', () => {
  it('prints name, value and unit, then the ratio to the baseline, each target and the note', () => {
    expect(
      formatFigure('list.first_page', 0.99, 'ms', {
        baseline: { name: 'hand-written indexed query', value: 0.45 },
        targets: [
          { text: '< 50 ms', met: true },
          { text: '≤ 2× baseline', met: false },
        ],
        note: '15 runs',
      }),
    ).toBe('bench: list.first_page 0.99 ms  ratio 2.20 vs hand-written indexed query (0.45 ms)  target < 50 ms: met  target ≤ 2× baseline: NOT met  (15 runs)');
  });

  it('rounds by magnitude: two decimals under 10, one under 100, none above', () => {
    expect(formatFigure('a', 3.14159, 's')).toBe('bench: a 3.14 s');
    expect(formatFigure('a', 31.4159, 's')).toBe('bench: a 31.4 s');
    expect(formatFigure('a', 314.159, 's')).toBe('bench: a 314 s');
  });

  it('keeps the name and the unit one word each, so the line reads back', () => {
    expect(formatFigure('two words', 1, 'ms CPU')).toBe('bench: two_words 1.00 ms_CPU');
  });

  it('reads back what it prints, a baseline name with brackets included', () => {
    const line = formatFigure('monitor.catch_up', 43_487, 'µs', {
      baseline: { name: 'SELECT … ORDER BY due_at LIMIT 1 (indexed)', value: 1.96 },
      targets: [{ text: '< 50 ms', met: false }],
      note: 'after 3 days closed',
    });
    expect(parseFigure(line)).toEqual({
      name: 'monitor.catch_up',
      value: 43_487,
      unit: 'µs',
      ratio: 22_187.24,
      baseline: 'SELECT … ORDER BY due_at LIMIT 1 (indexed)',
      targets: [{ text: '< 50 ms', met: false }],
    });
    expect(parseFigure('bench: seed.time 36.2 s  (30,000 tickets)')).toEqual({ name: 'seed.time', value: 36.2, unit: 's', ratio: null, baseline: null, targets: [] });
  });

  it('is not fooled by other lines', () => {
    expect(parseFigure('=== list.bench.ts (load average 1.2)')).toBeNull();
    expect(parseFigure('  bench: indented is not a figure line')).toBeNull();
  });
});

describe('what counts as a failed benchmark', () => {
  const ok = { exitCode: 0, timedOut: false, limitS: 90, figures: 3, wroteDb: false };

  it('is none for a clean run that printed figures', () => {
    expect(benchFailure(ok)).toBeNull();
  });

  it('names the time limit, the exit, a run without figures and a write to the bench database', () => {
    expect(benchFailure({ ...ok, timedOut: true, exitCode: null })).toBe('stopped after its limit of 90 s');
    expect(benchFailure({ ...ok, exitCode: 1 })).toBe('exited with 1');
    expect(benchFailure({ ...ok, exitCode: null })).toBe('exited with a signal');
    expect(benchFailure({ ...ok, figures: 0 })).toBe('printed no "bench:" line');
    expect(benchFailure({ ...ok, wroteDb: true })).toBe('the bench database changed while it ran (a committed write)');
  });

  it('sums up each benchmark and every target not met', () => {
    const fig = (name: string, met: boolean) => parseFigure(formatFigure(name, 1, 'ms', { targets: [{ text: '< 50 ms', met }] }))!;
    expect(
      summaryLines([
        { file: 'list.bench.ts', seconds: 12.4, cpuSeconds: 5.2, failure: null, figures: [fig('list.first_page', true), fig('list.offset', false)] },
        { file: 'scroll.bench.ts', seconds: 90.2, cpuSeconds: null, failure: 'stopped after its limit of 90 s', figures: [] },
      ], ['import.bench.ts']),
    ).toEqual([
      'summary:',
      '  list.bench.ts                   12 s    CPU 5 s    2 figures  ok',
      '  scroll.bench.ts                 90 s               0 figures  FAILED: stopped after its limit of 90 s',
      '  not run: import.bench.ts',
      '  in all: 103 s, CPU 5 s (where measured)',
      'targets not met: list.offset (< 50 ms)',
    ]);
  });

  it("reads the CPU seconds from GNU time's output, after a line on how the command ended", () => {
    expect(cpuFromTime('12.50 1.25\n')).toBe(13.75);
    expect(cpuFromTime('Command exited with non-zero status 1\n3.00 0.50\n')).toBe(3.5);
    expect(cpuFromTime('Command terminated by signal 15\n')).toBeNull();
    expect(cpuFromTime('')).toBeNull();
  });
});
