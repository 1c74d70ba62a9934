/** Period (a month, or custom days) and filters of the report; every change is a new URL. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../api/types';
import { CHANNELS } from '../../src-main/core/enums';
import { useMeta } from '../state/meta';
import { navigate } from '../state/route';
import { monthBounds, reportHref, shiftMonth, type ReportState } from './reportState';

interface Props {
  state: ReportState;
  districts: readonly string[];
  departments: readonly string[];
}

export function ReportControls({ state, districts, departments }: Props) {
  const { t } = useTranslation();
  const { categories, users } = useMeta();
  const [custom, setCustom] = useState(state.month === null);
  const [from, setFrom] = useState(state.from);
  const [to, setTo] = useState(state.to);
  const go = (next: Partial<ReportState>) => navigate(reportHref({ ...state, ...next }));
  const month = state.month ?? state.from.slice(0, 7);
  const setMonth = (m: string) => /^\d{4}-\d{2}$/.test(m) && go({ month: m, ...monthBounds(m) });
  const select = (label: string, value: string, options: Array<[string, string]>, onChange: (v: string) => void, testId: string) => (
    <label className="report-filter">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">{t('reports.all')}</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
  const filtered = state.district || state.channel || state.categoryId !== null || state.department || state.assigneeId !== null;

  return (
    <div className="report-controls no-print" role="group" aria-label={t('reports.period')}>
      {!custom ? (
        <div className="report-month">
          <button type="button" className="btn small" onClick={() => setMonth(shiftMonth(month, -1))} aria-label={t('reports.prevMonth')}>
            ◀
          </button>
          <label>
            <span className="sr-only">{t('reports.month')}</span>
            <input type="month" value={month} onChange={(e) => setMonth(e.target.value)} data-testid="report-month" />
          </label>
          <button type="button" className="btn small" onClick={() => setMonth(shiftMonth(month, 1))} aria-label={t('reports.nextMonth')}>
            ▶
          </button>
        </div>
      ) : (
        <form
          className="report-month"
          onSubmit={(e) => {
            e.preventDefault();
            if (from && to && from <= to) go({ month: null, from, to });
          }}
        >
          <label>
            <span className="sr-only">{t('reports.from')}</span>
            <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="report-from" />
          </label>
          –
          <label>
            <span className="sr-only">{t('reports.to')}</span>
            <input type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} data-testid="report-to" />
          </label>
          <button type="submit" className="btn small">
            {t('reports.show')}
          </button>
        </form>
      )}
      <label className="report-custom">
        <input
          type="checkbox"
          checked={custom}
          onChange={(e) => {
            setCustom(e.target.checked);
            if (!e.target.checked) setMonth(month);
          }}
        />
        {t('reports.customRange')}
      </label>
      {select(t('reports.district'), state.district ?? '', districts.map((d) => [d, d]), (v) => go({ district: v || null }), 'filter-district')}
      {select(t('reports.channel'), state.channel ?? '', CHANNELS.map((c) => [c, t(`channel.${c}`)]), (v) => go({ channel: (v || null) as Channel | null }), 'filter-channel')}
      {select(
        t('reports.category'),
        state.categoryId === null ? '' : String(state.categoryId),
        categories.map((c) => [String(c.id), c.parentId === null ? c.name : `\u3000${c.path}`]),
        (v) => go({ categoryId: v ? Number(v) : null }),
        'filter-category',
      )}
      {select(t('reports.department'), state.department ?? '', departments.map((d) => [d, d]), (v) => go({ department: v || null }), 'filter-department')}
      {select(
        t('reports.assignee'),
        state.assigneeId === null ? '' : String(state.assigneeId),
        users.map((u) => [String(u.id), u.displayName]),
        (v) => go({ assigneeId: v ? Number(v) : null }),
        'filter-assignee',
      )}
      {filtered && (
        <button type="button" className="btn small" onClick={() => go({ district: null, channel: null, categoryId: null, department: null, assigneeId: null })}>
          {t('reports.clearFilters')}
        </button>
      )}
    </div>
  );
}
