/**
 * When a period of the report has data for only part of its days — the range
 * is still under way, or a compared period starts before the branch's first
 * ticket — say so above the tiles, so a change against 3 days of data is not
 * read as a change against a month. The tiles' 环比 / 同比 lines are marked *.
 */
import { useTranslation } from 'react-i18next';
import type { Report } from '../../src-main/services/reports/report';
import { Alert } from '../components/Alert';

type Coverage = Report['coverage'];

export function CoverageNote({ report }: { report: Report }) {
  const { t } = useTranslation();
  const line = (key: 'current' | 'previous' | 'lastYear', c: Coverage, range: { from: string; to: string }) => {
    if (!c.partial) return null;
    const words = { from: range.from, to: range.to, days: String(c.days), of: String(c.ofDays), since: c.from ?? '', until: c.to ?? '' };
    const text = c.days === 0 ? t(`reports.coverage.${key}None`, words) : t(`reports.coverage.${key}`, words);
    return (
      <li key={key} data-testid={`coverage-${key}`}>
        {text}
      </li>
    );
  };
  const lines = [
    line('current', report.coverage, report.range),
    line('previous', report.previous.coverage, report.previous.range),
    line('lastYear', report.lastYear.coverage, report.lastYear.range),
  ].filter(Boolean);
  if (lines.length === 0) return null;
  return (
    <div className="coverage-note" data-testid="coverage-note">
      <Alert kind="warn">
        <ul>{lines}</ul>
      </Alert>
    </div>
  );
}
