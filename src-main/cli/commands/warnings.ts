import type { Command } from '../command';
import { UsageError } from '../command';
import { withContext } from '../open-context';
import { checkWarnings } from '../../services/warnings';

import { LocalTimeParser } from '../../core/import/times';
import type { Assessment } from '../../core/warnings';

const ISO_WITH_ZONE = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/;
/** The offset is always given, so the parser's own zone never applies. */
const STRICT = new LocalTimeParser('UTC');

/** Two decimals are enough to read a baseline; the check itself compares unrounded numbers. */
const round2 = (n: number | null): number | null => (n === null ? null : Math.round(n * 100) / 100);

interface WarningLine {
  category: string;
  scope: string;
  district: string | null;
  period: Assessment['period'];
  count: number;
  baseline: number | null;
  threshold: number | null;
  protection: number;
  ratio: number | null;
  level: Assessment['level'];
}

const PERIOD_ZH: Record<Assessment['period'], string> = { month: '本月', rolling7: '近7天' };
const LEVEL_ZH: Record<NonNullable<Assessment['level']>, string> = { yellow: '黄色', orange: '橙色', red: '红色' };

export const warnings: Command = {
  name: 'warnings',
  summary: 'volume warnings (投诉预警) that hold at an instant',
  usage: 'warnings [--at ISO-8601 with offset] [--all]',
  options: { at: { type: 'string' }, all: { type: 'boolean' } },
  run: (env) => {
    const raw = env.values.at as string | undefined;
    const parsed = raw === undefined ? null : ISO_WITH_ZONE.test(raw) ? STRICT.parse(raw) : null;
    if (raw !== undefined && parsed === null) {
      throw new UsageError(`--at needs an existing instant in ISO-8601 with its offset, like 2026-11-02T10:00:00+08:00; got "${raw}"`);
    }
    const at = parsed ?? env.now();
    const all = env.values.all === true;
    return withContext(env, (ctx) => {
      const r = checkWarnings(ctx, at);
      const lines: WarningLine[] = r.assessments
        .filter((a) => all || a.level !== null)
        .map((a) => ({ ...a, baseline: round2(a.baseline), threshold: round2(a.threshold), ratio: round2(a.ratio) }));
      return lines;
    });
  },
  human: (lines: WarningLine[]) => {
    if (lines.length === 0) return '没有预警。';
    const rows = lines.map((l) =>
      [
        l.level ? LEVEL_ZH[l.level] : '—',
        l.category,
        l.district ?? '全分公司',
        PERIOD_ZH[l.period],
        String(l.count),
        l.baseline === null ? '历史不足6个月' : String(l.baseline),
        l.threshold === null ? '—' : String(l.threshold),
        String(l.protection),
      ].join('\t'),
    );
    return ['级别\t类别\t范围\t周期\t数量\t基数值\t阈值\t保护值', ...rows].join('\n');
  },
};
