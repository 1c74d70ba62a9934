/**
 * The business calendar: working spans per weekday (Monday first, as a
 * Chinese week is read), holidays and make-up working days as date lines.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { parseDates, type PolicyDraft, type Problem } from './draft';
import { problemText, WEEK_ORDER, weekdayName } from './words';

interface Props {
  draft: PolicyDraft;
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
        <span className="value">{parsed.dates?.length ? parsed.dates.join(t('sla.listSep')) : t('sla.calendar.noDates')}</span>
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
      </div>
    </section>
  );
}
