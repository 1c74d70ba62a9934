/**
 * How every benchmark prints: one line per figure,
 *   bench: <name> <value> <unit>  ratio <r> vs <baseline>  target <t>: met | NOT met
 * the ratio against a baseline measured in the same run, the target beside it.
 * Medians everywhere: the machine is shared and loaded.
 */
import os from 'node:os';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { formatFigure, type FigureOptions, type Target } from './harness';

export type { Baseline, Target } from './harness';

export function figure(name: string, value: number, unit: string, o: FigureOptions = {}): void {
  console.log(formatFigure(name, value, unit, o));
}

/** `value` under `limit` (strict) as a target line. */
export const under = (value: number, limit: number, unit: string): Target => ({ text: `< ${limit} ${unit}`, met: value < limit });
export const atMost = (value: number, limit: number, unit: string): Target => ({ text: `≤ ${limit} ${unit}`, met: value <= limit });
export const ratioAtMost = (value: number, base: number, max: number, baseName: string): Target => ({
  text: `≤ ${max}× ${baseName}`,
  met: value <= max * base,
});

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

/** Median wall time of `runs` calls, in ms, after `warm` unmeasured ones. */
export async function timeMedian(runs: number, fn: () => unknown, warm = 2): Promise<number> {
  for (let i = 0; i < warm; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

export function loadLine(): string {
  return `load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} cores`;
}

/** The options every benchmark takes: `--db FILE` (the database run.ts prepared) and `--quick`. */
export function benchOptions(extra: NonNullable<ParseArgsConfig['options']> = {}) {
  return parseArgs({
    options: { db: { type: 'string' }, quick: { type: 'boolean', default: false }, ...extra },
    strict: true,
  }).values as { db?: string; quick: boolean } & Record<string, string | boolean | undefined>;
}
