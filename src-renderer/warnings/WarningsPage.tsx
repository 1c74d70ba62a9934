/**
 * 预警: the warnings raised in the chosen months (current and past) with
 * filters by level, category, district, state and source; one warning's
 * details and actions; the analysis report; each monitored category's last
 * 12 months against its threshold; 人工发布 for supervisors and the settings
 * for administrators.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { useAction } from '../state/useAction';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { mayCall } from '../lib/access';
import { fromLocalInput, toLocalInput } from '../lib/time';
import { useAlertsRevision } from '../state/deskEvents';
import { useBranch, useUser } from '../state/session';
import { useQuery } from '../state/useQuery';
import { useMeta } from '../state/meta';
import { WARNING_STATES, type WarningState } from '../../src-main/core/warnings/state';
import { ManualWarningForm } from './ManualWarningForm';
import { WarningChart } from './WarningChart';
import { WarningPanel } from './WarningPanel';
import { WarningReportView } from './WarningReportView';
import { WarningSettingsForm } from './WarningSettingsForm';
import { WarningTable } from './WarningTable';
import '../reports/reports.css';
import '../styles/warnings.css';

const LEVELS = ['yellow', 'orange', 'red'] as const;

/** "2026-11" of an instant in the zone, and the month `back` months before it. */
function monthOf(ms: number, zone: string, back = 0): string {
  const [y, m] = toLocalInput(ms, zone).slice(0, 7).split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) - back;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export default function WarningsPage({ params }: { params: URLSearchParams }) {
  const { t } = useTranslation();
  const user = useUser();
  const zone = useBranch().zone;
  const revision = useAlertsRevision();
  const { lists } = useMeta();
  const [fromMonth, setFromMonth] = useState(() => monthOf(Date.now(), zone, 11));
  const [toMonth, setToMonth] = useState(() => monthOf(Date.now(), zone));
  const [level, setLevel] = useState('');
  const [category, setCategory] = useState('');
  const [district, setDistrict] = useState('');
  const [state, setState] = useState(() => {
    const s = params.get('state');
    return s && (WARNING_STATES as readonly string[]).includes(s) ? s : '';
  });
  const [source, setSource] = useState('');
  const [selected, setSelected] = useState<number | null>(() => (params.get('id') ? Number(params.get('id')) : null));
  const [bump, setBump] = useState(0);
  const { msg: notice, run } = useAction();

  const filter = useMemo(() => {
    const from = fromLocalInput(`${fromMonth}-01T00:00`, zone) ?? 0;
    const to = fromLocalInput(`${nextMonth(toMonth)}-01T00:00`, zone) ?? Date.now();
    return {
      from,
      to,
      ...(level ? { level: [level as (typeof LEVELS)[number]] } : {}),
      ...(category ? { category } : {}),
      ...(district.trim() ? { district: district.trim() } : {}),
      ...(state ? { state: [state as WarningState] } : {}),
      ...(source ? { source: source as 'auto' | 'manual' } : {}),
    };
  }, [fromMonth, toMonth, level, category, district, state, source, zone]);
  const key = `${revision}-${bump}`;
  const list = useQuery('warnings/list', filter, key);
  const report = useQuery('warnings/report', filter, key);
  const chart = useQuery('warnings/chart', {}, key);
  const settings = useQuery('warnings/settings', {}, bump);
  const categories = chart.data?.map((c) => c.category) ?? [];
  const changed = () => setBump((b) => b + 1);

  async function checkNow() {
    const r = await run(() => call('warnings/check', {}), {
      ok: (r) => t('warnings.checked', { raised: r.raised.length, levelRaised: r.levelRaised.length, recovered: r.recovered.length }),
    });
    if (r) changed();
  }

  return (
    <section className="page warnings-page" aria-labelledby="warnings-title">
      <div className="page-head">
        <h1 id="warnings-title">{t('warnings.title')}</h1>
        {mayCall(user.role, 'warnings/check') && (
          <button type="button" className="btn" onClick={() => void checkNow()} data-testid="warnings-check">
            {t('warnings.checkNow')}
          </button>
        )}
      </div>
      <p className="hint">{t('warnings.intro')}</p>
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      <div className="filters warning-filters" data-testid="warning-filters">
        <Field label={`${t('warnings.filters.range')} ${t('warnings.filters.from')}`}>
          <input type="month" value={fromMonth} onChange={(e) => e.target.value && setFromMonth(e.target.value)} />
        </Field>
        <Field label={t('warnings.filters.to')}>
          <input type="month" value={toMonth} onChange={(e) => e.target.value && setToMonth(e.target.value)} />
        </Field>
        <Field label={t('warnings.filters.level')}>
          <select value={level} onChange={(e) => setLevel(e.target.value)}>
            <option value="">{t('warnings.filters.any')}</option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`warnings.level.${l}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('warnings.filters.category')}>
          <select value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">{t('warnings.filters.any')}</option>
            {categories.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </Field>
        <Field label={t('warnings.filters.district')}>
          {/* A filter offers retired districts too: old warnings name them. */}
          <select value={district} onChange={(e) => setDistrict(e.target.value)}>
            <option value="">{t('warnings.filters.any')}</option>
            {lists.district.map((d) => (
              <option key={d.id}>{d.name}</option>
            ))}
          </select>
        </Field>
        <Field label={t('warnings.filters.state')}>
          <select value={state} onChange={(e) => setState(e.target.value)} data-testid="warning-state-filter">
            <option value="">{t('warnings.filters.any')}</option>
            {WARNING_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`warnings.state.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('warnings.filters.source')}>
          <select value={source} onChange={(e) => setSource(e.target.value)}>
            <option value="">{t('warnings.filters.any')}</option>
            <option value="auto">{t('warnings.source.auto')}</option>
            <option value="manual">{t('warnings.source.manual')}</option>
          </select>
        </Field>
      </div>
      {list.error && <Alert kind="error">{list.error}</Alert>}
      {list.data && <WarningTable rows={list.data} zone={zone} selected={selected} onSelect={setSelected} />}
      {selected !== null && <WarningPanel key={`${selected}-${bump}`} id={selected} zone={zone} onChanged={changed} />}
      {report.data && <WarningReportView report={report.data} masked={report.data.phones.some((p) => p.phones.some((n) => n.includes('*')))} />}
      <h2 className="section-title">{t('warnings.chart.title')}</h2>
      <p className="hint">{t('warnings.chart.noBaseline')}</p>
      {chart.error && <Alert kind="error">{chart.error}</Alert>}
      <div className="chart-grid">{chart.data?.map((s) => <WarningChart key={s.category} series={s} />)}</div>
      {mayCall(user.role, 'warnings/publishByHand') && categories.length > 0 && <ManualWarningForm categories={categories} onDone={changed} />}
      {mayCall(user.role, 'warnings/saveSettings') && settings.data && <WarningSettingsForm value={settings.data} onSaved={changed} />}
    </section>
  );
}
