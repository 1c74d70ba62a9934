import { useCallback, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import type { CreatedTicket } from '../api/types';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { CHANNELS, LEVELS } from '../../src-main/core/enums';
import { toLocalInput } from '../lib/time';
import { useMeta } from '../state/meta';
import { useBranch } from '../state/session';
import { useAction } from '../state/useAction';
import { ListSelect } from '../components/ListSelect';
import { CategorySelect } from './CategorySelect';
import { DispatchSuggestion, type DispatchProposal } from './DispatchSuggestion';
import { fieldOfServerError, validateNewTicket, type NewTicketErrors, type NewTicketValues } from './newTicketForm';

const CODE_FIELD: Record<string, keyof NewTicketValues> = {
  invalid_phone: 'phone',
  duplicate_ticket: 'ticketNo',
  unknown_category: 'topCategoryId',
};

function blank(zone: string): NewTicketValues {
  return {
    channel: '10086',
    receivedAt: toLocalInput(Date.now(), zone),
    phone: '',
    customerName: '',
    city: '',
    district: '',
    topCategoryId: null,
    categoryId: null,
    level: 'normal',
    description: '',
    department: '',
    ticketNo: '',
  };
}

/** Register a complaint by hand. Errors point at the field; the server's refusal is shown in its words. */
export function NewTicketForm({ onCreated }: { onCreated(result: CreatedTicket): void }) {
  const { t } = useTranslation();
  const { zone } = useBranch();
  const { categories } = useMeta();
  const [v, setV] = useState(() => blank(zone));
  const [errors, setErrors] = useState<NewTicketErrors>({});
  const { busy, msg, setMsg, run } = useAction();
  const serverError = msg?.kind === 'error' ? msg.text : null;
  const form = useRef<HTMLFormElement>(null);
  const set = <K extends keyof NewTicketValues>(k: K, value: NewTicketValues[K]) => setV((x) => ({ ...x, [k]: value }));
  // The dispatch proposal on screen (its first category and department), and the one whose button was pressed.
  const [shown, setShown] = useState<{ categoryId: number | null; department: string | null } | null>(null);
  const [acceptedKey, setAcceptedKey] = useState<string | null>(null);
  const onShown = useCallback((p: DispatchProposal | null) => {
    const categoryId = p?.category?.options[0]?.categoryId ?? null;
    const department = p?.department?.options[0]?.department ?? null;
    setShown(p?.model && (categoryId !== null || department) ? { categoryId, department } : null);
  }, []);
  const keyOf = (p: { categoryId: number | null; department: string | null }) => `${p.categoryId ?? ''}|${p.department ?? ''}`;

  function focusFirstError() {
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMsg(null);
    const checked = validateNewTicket(v, categories, zone, Date.now(), t);
    setErrors(checked.errors);
    if (!checked.input) return focusFirstError();
    const input = shown ? { ...checked.input, dispatch: { ...shown, accepted: acceptedKey === keyOf(shown) } } : checked.input;
    const created = await run(() => call('tickets/create', input), {
      refused: (refusal) => {
        const field = CODE_FIELD[refusal.code ?? ''] ?? fieldOfServerError(refusal.details);
        if (!field) return;
        setErrors({ [field]: refusal.text });
        focusFirstError();
      },
    });
    if (created) onCreated(created);
  }

  const text = (k: 'phone' | 'customerName' | 'ticketNo', label: string, extra: Record<string, unknown> = {}) => (
    <input value={v[k]} onChange={(e) => set(k, e.target.value)} data-field={k} title={label} {...extra} />
  );
  const hasErrors = Object.keys(errors).length > 0;

  return (
    <form ref={form} onSubmit={submit} noValidate className="new-ticket" aria-label={t('newTicket.title')}>
      {serverError && (
        <Alert kind="error" testId="create-error">
          {serverError}
        </Alert>
      )}
      {hasErrors && !serverError && (
        <Alert kind="error" testId="create-invalid">
          {t('newTicket.fixFields')}
        </Alert>
      )}
      <div className="form-grid">
        <Field label={t('newTicket.channel')} required>
          <select value={v.channel} onChange={(e) => set('channel', e.target.value as NewTicketValues['channel'])}>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`channel.${c}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('newTicket.receivedAt')} error={errors.receivedAt} hint={t('newTicket.receivedHint', { zone })} required>
          <input type="datetime-local" value={v.receivedAt} onChange={(e) => set('receivedAt', e.target.value)} />
        </Field>
        <Field label={t('newTicket.phone')} error={errors.phone} hint={t('newTicket.phoneHint')} required>
          {text('phone', t('newTicket.phone'), { inputMode: 'tel', autoFocus: true, maxLength: 20 })}
        </Field>
        <Field label={t('newTicket.customerName')}>{text('customerName', t('newTicket.customerName'), { maxLength: 40 })}</Field>
        <Field label={t('newTicket.city')} error={errors.city}>
          <ListSelect kind="city" value={v.city} onChange={(x) => set('city', x)} data-field="city" />
        </Field>
        <Field label={t('newTicket.district')} error={errors.district}>
          <ListSelect kind="district" value={v.district} onChange={(x) => set('district', x)} data-field="district" />
        </Field>
        <CategorySelect
          categories={categories}
          topId={v.topCategoryId}
          childId={v.categoryId}
          onChange={(top, child) => setV((x) => ({ ...x, topCategoryId: top, categoryId: child }))}
          topError={errors.topCategoryId}
          childError={errors.categoryId}
        />
        <Field label={t('newTicket.level')} hint={t('newTicket.levelAuto')}>
          <select value={v.level} onChange={(e) => set('level', e.target.value as NewTicketValues['level'])}>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`level.${l}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('newTicket.department')} error={errors.department}>
          <ListSelect kind="department" value={v.department} onChange={(x) => set('department', x)} data-field="department" />
        </Field>
        <Field label={t('newTicket.ticketNo')} error={errors.ticketNo} hint={t('newTicket.ticketNoHint')}>
          {text('ticketNo', t('newTicket.ticketNo'), { maxLength: 40 })}
        </Field>
        <div className="span-all description-row">
          <Field label={t('newTicket.description')} error={errors.description} required>
            <textarea rows={6} maxLength={2000} value={v.description} onChange={(e) => set('description', e.target.value)} />
          </Field>
          <DispatchSuggestion
            description={v.description}
            categoryId={v.categoryId ?? v.topCategoryId}
            department={v.department}
            onShown={onShown}
            onAccept={(p) => {
              setV((x) => ({
                ...x,
                ...(p.category ? { topCategoryId: p.category.topCategoryId, categoryId: p.category.childId } : {}),
                ...(p.department ? { department: p.department } : {}),
              }));
              if (shown) setAcceptedKey(keyOf(shown));
            }}
          />
        </div>
      </div>
      <button type="submit" className="btn primary" disabled={busy} data-testid="submit-ticket">
        {busy ? t('newTicket.submitting') : t('newTicket.submit')}
      </button>
    </form>
  );
}
