/**
 * The business calendar: working spans per weekday (Monday first, as a
 * Chinese week is read), holidays and make-up working days as date lines —
 * which the official ones of this year and next (the server's, from the
 * chinese-days package) fill in at a click, or already have when no calendar
 * was ever saved; every date stays editable.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { withOfficialDays, type OfficialDays } from '../../../src-main/core/sla/official-calendar';
import { parseDates, type PolicyDraft, type Problem } from './draft';
import { problemText, WEEK_ORDER, weekdayName } from './words';

interface Props {
  draft: PolicyDraft;
  /** Absent in the read-only view. */
  official?: OfficialDays;
  prefilled?: boolean;
  readOnly: boolean;
  problems: Map<string, Problem[]>;
  onChange(patch: Partial<PolicyDraft>): void;
}

function WeekRow({ day, draft, readOnly, problems, onChange }: Props & { day: number }) {
  const { t } = useTranslation();
  const id = useId();
  const errors = problems.get(`week:${day}`) ?? [];
  const value = draft.week[day] ?? '';
  if (readOnly) {
    return (
      <div className="week-row" data-day={day}>
        <span className="field-label">{weekdayName(day, t)}</span>
        <span className={`week-text${value ? '' : ' rest'}`}>{value || t('sla.calendar.rest')}</span>
      </div>
    );
  }
  return (
    <div className={`week-row${errors.length ? ' has-error' : ''}`} data-day={day}>
      <label htmlFor={id}>{weekdayName(day, t)}</label>
      <input
        id={id}
        value={value}
        placeholder={t('sla.calendar.rest')}
        data-path={`week:${day}`}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={errors.length ? `${id}-error` : undefined}
        onChange={(e) => onChange({ week: draft.week.map((w, i) => (i === day ? e.target.value : w)) })}
        autoComplete="off"
      />
      {errors.length > 0 && (
        <div className="field-error" id={`${id}-error`}>
          ✕ {errors.map((p) => problemText(p, t)).join(' ')}
        </div>
      )}
    </div>
  );
}

function DatesField({ list, draft, readOnly, problems, onChange, max }: Props & { list: 'holidays' | 'workdays'; max: number }) {
  const { t } = useTranslation();
  const text = draft[list];
  const parsed = parseDates(text, max);
  const errors = problems.get(list) ?? [];
  if (readOnly) {
    return (
      <div className="read-field">
        <span className="field-label">{t(`sla.calendar.${list}`)}</span>
        <span className="value">
          {parsed.dates?.length
            ? parsed.dates.map((d, i) => (
                <span key={d} className="date-item">
                  {i > 0 && t('sla.listSep')}
                  {d}
                </span>
              ))
            : t('sla.calendar.noDates')}
        </span>
      </div>
    );
  }
  return (
    <Field
      label={t(`sla.calendar.${list}`)}
      error={errors.length ? errors.map((p) => problemText(p, t)).join(' ') : null}
      hint={
        <>
          {t('sla.calendar.datesHint')}
          {parsed.dates && parsed.dates.length > 0 ? ` · ${t('sla.calendar.dateCount', { count: parsed.dates.length })}` : ''}
        </>
      }
    >
      <textarea
        rows={7}
        value={text}
        spellCheck={false}
        data-path={list}
        className="dates num"
        onChange={(e) => onChange({ [list]: e.target.value })}
      />
    </Field>
  );
}

/** "春节 02-15～02-23": each official holiday once, with its run of days. */
function holidayRuns(official: OfficialDays): string[] {
  const runs: Array<{ name: string; from: string; to: string }> = [];
  for (const d of official.holidays) {
    const last = runs.at(-1);
    const next = last && Date.parse(`${d.date}T00:00:00Z`) - Date.parse(`${last.to}T00:00:00Z`) === 86_400_000;
    if (last && last.name === d.name && next) last.to = d.date;
    else runs.push({ name: d.name, from: d.date, to: d.date });
  }
  return runs.map((r) => `${r.name} ${r.from.slice(0, 4)}-${r.from.slice(5)}${r.to === r.from ? '' : `～${r.to.slice(5)}`}`);
}

function OfficialDaysLine({ official, prefilled, draft, onChange }: Required<Pick<Props, 'official'>> & Pick<Props, 'prefilled' | 'draft' | 'onChange'>) {
  const { t } = useTranslation();
  const [filled, setFilled] = useState(false);
  const known = official.years.filter((y) => !official.missingYears.includes(y));
  const years = known.join('、');
  const fill = () => {
    const holidays = parseDates(draft.holidays, Number.MAX_SAFE_INTEGER).dates ?? [];
    const workdays = parseDates(draft.workdays, Number.MAX_SAFE_INTEGER).dates ?? [];
    const merged = withOfficialDays({ holidays, workdays }, official);
    onChange({ holidays: merged.holidays.join('\n'), workdays: merged.workdays.join('\n') });
    setFilled(true);
  };
  return (
    <div className="official-days" data-testid="official-days">
      {prefilled && known.length > 0 && <p>{t('sla.calendar.prefilled', { years })}</p>}
      {filled && <p role="status">{t('sla.calendar.officialFilled', { years })}</p>}
      {official.missingYears.length > 0 && <p>{t('sla.calendar.officialMissing', { years: official.missingYears.join('、') })}</p>}
      {known.length > 0 && (
        <p>
          {t('sla.calendar.officialList')}：<span className="names">{holidayRuns(official).join(' · ')}</span>{' '}
          <button type="button" className="btn small" onClick={fill} data-testid="official-fill">
            {t('sla.calendar.officialFill', { years })}
          </button>
        </p>
      )}
    </div>
  );
}

export function CalendarPanel(props: Props) {
  const { t } = useTranslation();
  return (
    <section className="panel sla-calendar" aria-labelledby="sla-calendar-title">
      <h2 id="sla-calendar-title">{t('sla.calendar.title')}</h2>
      <p className="hint">{t('sla.calendar.hint', { zone: props.draft.zone })}</p>
      <div className="calendar-grid">
        <div className="week" role="group" aria-label={t('sla.calendar.title')}>
          {WEEK_ORDER.map((day) => (
            <WeekRow key={day} day={day} {...props} />
          ))}
        </div>
        <DatesField list="holidays" max={400} {...props} />
        <DatesField list="workdays" max={100} {...props} />
        {!props.readOnly && props.official && <OfficialDaysLine official={props.official} prefilled={props.prefilled} draft={props.draft} onChange={props.onChange} />}
      </div>
    </section>
  );
}
