/** One action's small form: only the fields that action needs; Esc closes it. */
import { useCallback, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionType, Level, TicketAction } from '../api/types';
import { Field } from '../components/Field';
import { ListSelect } from '../components/ListSelect';
import { LEVELS, levelRank, SATISFACTIONS } from '../../src-main/core/enums';
import { useMeta } from '../state/meta';
import { useQuery } from '../state/useQuery';
import { TransferProposal } from './TransferProposal';
import { ACTION_FIELDS, buildAction, EMPTY_VALUES, fieldLabel, type ActionField, type ActionValues } from './actionInput';

interface Props {
  type: ActionType;
  currentLevel: Level;
  /** Values to start from (a transfer confirming an agent's request). */
  initial?: Partial<ActionValues> | undefined;
  /** The complaint's text, for the department proposal on a transfer. */
  description: string;
  /** The department a 采用 button already put in the form (the ticket page's recorded proposal). */
  takenDepartment?: string | undefined;
  busy: boolean;
  /** `dispatch`: on a transfer, the department the form proposed and whether its button was taken (recorded with it). */
  onSubmit(action: TicketAction, dispatch?: { department: string; accepted: boolean }): void;
  onClose(): void;
}

export function ActionForm({ type, currentLevel, initial, description, takenDepartment, busy, onSubmit, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { users } = useMeta();
  const wantsCauses = 'breachCause' in ACTION_FIELDS[type];
  // Retired causes stay on the tickets that have them but are not offered again.
  const causes = (useQuery('reports/breachCauseOptions', wantsCauses ? {} : null).data ?? []).filter((c) => c.active);
  const [v, setV] = useState<ActionValues>({ ...EMPTY_VALUES, ...initial });
  // After `v`: reading it earlier threw (temporal dead zone) as soon as the cause list arrived, blanking the ticket page.
  const needsText = causes.find((c) => c.code === v.breachCause)?.needsText ?? false;
  const [errors, setErrors] = useState<Partial<Record<ActionField, string>>>({});
  // 智能派单: the department the form proposed, and the one a 采用 button put in it.
  const [shown, setShown] = useState<string | null>(null);
  const [taken, setTaken] = useState<string | null>(takenDepartment ?? null);
  const onShown = useCallback((d: string | null) => setShown(d), []);
  const fields = ACTION_FIELDS[type];
  const set = (k: ActionField, value: string) => setV((x) => ({ ...x, [k]: value }));
  const higher = LEVELS.filter((l) => levelRank(l) > levelRank(currentLevel));

  function submit(e: FormEvent) {
    e.preventDefault();
    const built = buildAction(type, v, t);
    setErrors(built.errors);
    if (!built.action) return;
    const dispatch = type === 'transfer' && shown ? { department: shown, accepted: taken !== null && taken === v.department.trim() } : undefined;
    onSubmit(built.action, dispatch);
  }
  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    }
  }
  const label = (f: ActionField) => (
    <>
      {fieldLabel(f, t)}
      {fields[f] === false && <span className="muted"> {t('common.optional')}</span>}
    </>
  );
  const has = (f: ActionField) => f in fields;
  let autoFocused = false;
  const focusFirst = () => (autoFocused ? false : (autoFocused = true));

  return (
    <form className="action-form" onSubmit={submit} onKeyDown={onKeyDown} noValidate data-action={type} aria-label={t(`action.${type}`)}>
      {has('satisfaction') && (
        <fieldset className={`radio-group${errors.satisfaction ? ' has-error' : ''}`}>
          <legend>{label('satisfaction')}</legend>
          {SATISFACTIONS.map((s) => (
            <label key={s} className="check">
              <input type="radio" name="satisfaction" value={s} checked={v.satisfaction === s} onChange={() => set('satisfaction', s)} autoFocus={s === 'satisfied' && focusFirst()} />
              {t(`satisfaction.${s}`)}
            </label>
          ))}
          {errors.satisfaction && <div className="field-error">✕ {errors.satisfaction}</div>}
        </fieldset>
      )}
      {has('level') && (
        <Field label={label('level')} error={errors.level ?? (higher.length ? undefined : t('form.noHigherLevel'))}>
          <select value={v.level} onChange={(e) => set('level', e.target.value)} autoFocus={focusFirst()}>
            <option value="">{t('newTicket.pickCategory')}</option>
            {higher.map((l) => (
              <option key={l} value={l}>
                {t(`level.${l}`)}
              </option>
            ))}
          </select>
        </Field>
      )}
      {(type === 'transfer' || type === 'request_transfer') && (
        <TransferProposal
          description={description}
          department={v.department}
          onShown={onShown}
          onTake={(d) => {
            set('department', d);
            setTaken(d);
          }}
        />
      )}
      {has('department') && (
        <Field label={label('department')} error={errors.department}>
          <ListSelect kind="department" value={v.department} onChange={(x) => set('department', x)} blank={t('lists.pick')} autoFocus={focusFirst()} />
        </Field>
      )}
      {has('assigneeId') && (
        <Field label={label('assigneeId')} error={errors.assigneeId}>
          <select value={v.assigneeId} onChange={(e) => set('assigneeId', e.target.value)}>
            <option value="">{t('form.assigneeNone')}</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName}
                {u.department ? ` · ${u.department}` : ''} · {t(`role.${u.role}`)}
              </option>
            ))}
          </select>
        </Field>
      )}
      {(['reason', 'note'] as const).filter(has).map((f) => (
        <Field key={f} label={label(f)} error={errors[f]}>
          <textarea rows={2} maxLength={f === 'note' ? 2000 : 500} value={v[f]} onChange={(e) => set(f, e.target.value)} autoFocus={focusFirst()} />
        </Field>
      ))}
      {has('rootCause') && (
        <Field label={label('rootCause')} error={errors.rootCause}>
          <input value={v.rootCause} onChange={(e) => set('rootCause', e.target.value)} maxLength={500} />
        </Field>
      )}
      {has('breachCause') && (
        <Field label={label('breachCause')} error={errors.breachCause}>
          <select value={v.breachCause} onChange={(e) => set('breachCause', e.target.value)} data-testid="breach-cause">
            <option value="">{t('form.breachCauseNone')}</option>
            {causes.map((c) => (
              <option key={c.code} value={c.code}>
                {i18n.language === 'en' ? c.nameEn : c.nameZh}
              </option>
            ))}
          </select>
        </Field>
      )}
      {has('breachCauseText') && needsText && (
        <Field label={label('breachCauseText')} error={errors.breachCauseText}>
          <input value={v.breachCauseText} onChange={(e) => set('breachCauseText', e.target.value)} maxLength={500} data-testid="breach-cause-text" />
        </Field>
      )}
      <div className="row-actions">
        <button type="submit" className="btn primary small" disabled={busy} data-testid="confirm-action">
          {t('form.confirm', { action: t(`action.${type}`) })}
        </button>
        <button type="button" className="btn small" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <span className="hint">{t('form.escHint')}</span>
      </div>
    </form>
  );
}
