/** When clocks warn (thresholds as percentages), how soon a breach is escalated, how countdowns are coloured by time left, and the pause while waiting on the customer. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import type { PolicyDraft, Problem } from './draft';
import { HMInput } from './HMInput';
import { hmText, problemText } from './words';

interface Props {
  draft: PolicyDraft;
  readOnly: boolean;
  problems: Map<string, Problem[]>;
  onChange(patch: Partial<PolicyDraft>): void;
}

export function AlertsPanel({ draft, readOnly, problems, onChange }: Props) {
  const { t } = useTranslation();
  const escId = useId();
  const words = (path: string) => {
    const list = problems.get(path) ?? [];
    return list.length ? list.map((p) => problemText(p, t)).join(' ') : null;
  };
  const escError = words('escalation');
  const timeLeft = (key: 'soonWithin' | 'urgentWithin') => {
    const error = words(key);
    return (
      <div className={`field${error ? ' has-error' : ''}`} role="group" aria-labelledby={`${escId}-${key}`}>
        <div className="field-label" id={`${escId}-${key}`}>
          {t(`sla.alerts.${key}`)}
        </div>
        {readOnly ? (
          <span className="num">{hmText(draft[key], t)}</span>
        ) : (
          <HMInput value={draft[key]} onChange={(v) => onChange({ [key]: v })} label={t(`sla.alerts.${key}`)} path={key} invalid={!!error} />
        )}
        {error && <div className="field-error">✕ {error}</div>}
      </div>
    );
  };
  return (
    <section className="panel sla-alerts" aria-labelledby="sla-alerts-title">
      <h2 id="sla-alerts-title">{t('sla.alerts.title')}</h2>
      <div className="form-stack">
        {readOnly ? (
          <div className="read-field">
            <span className="field-label">{t('sla.alerts.thresholds')}</span>
            <span className="value">{draft.thresholds.split(/,\s*/).map((x) => `${x} %`).join(t('sla.listSep'))}</span>
          </div>
        ) : (
          <Field label={t('sla.alerts.thresholds')} hint={t('sla.alerts.thresholdsHint')} error={words('thresholds')}>
            <input
              className="thresholds num"
              value={draft.thresholds}
              data-path="thresholds"
              onChange={(e) => onChange({ thresholds: e.target.value })}
              autoComplete="off"
            />
          </Field>
        )}
        <div className={`field${escError ? ' has-error' : ''}`} role="group" aria-labelledby={`${escId}-label`} aria-describedby={`${escId}-more`}>
          <div className="field-label" id={`${escId}-label`}>
            {t('sla.alerts.escalation')}
          </div>
          {readOnly ? (
            <span className="num">{hmText(draft.escalation, t)}</span>
          ) : (
            <HMInput
              value={draft.escalation}
              onChange={(v) => onChange({ escalation: v })}
              label={t('sla.alerts.escalation')}
              path="escalation"
              invalid={!!escError}
              describedBy={`${escId}-more`}
            />
          )}
          {escError ? (
            <div className="field-error" id={`${escId}-more`}>
              ✕ {escError}
            </div>
          ) : (
            <div className="hint" id={`${escId}-more`}>
              {t('sla.alerts.escalationHint')}
            </div>
          )}
        </div>
        {timeLeft('soonWithin')}
        {timeLeft('urgentWithin')}
        <p className="hint">{t('sla.alerts.timeLeftHint')}</p>
        {readOnly ? (
          <div className="read-field">
            <span className="field-label">{t('sla.alerts.pause')}</span>
            <span className="value">{draft.pauseOnPending ? t('common.yes') : t('common.no')}</span>
          </div>
        ) : (
          <label className="check">
            <input type="checkbox" checked={draft.pauseOnPending} onChange={(e) => onChange({ pauseOnPending: e.target.checked })} data-path="pause" />
            {t('sla.alerts.pause')}
          </label>
        )}
      </div>
    </section>
  );
}
