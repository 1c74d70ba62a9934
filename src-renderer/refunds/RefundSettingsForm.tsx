/** An admin sets the refund authority: limits in yuan (parsed exactly), hours to execute, the four-eyes switch. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fenToYuanText } from '../../src-main/core/money';
import { call } from '../api/client';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { useUser } from '../state/session';
import { useAction } from '../state/useAction';
import { useQuery } from '../state/useQuery';
import { amountFromText } from './amount';
import type { RefundSettings } from './types';
import { mayCall } from '../lib/access';

type Money = 'agentLimitFen' | 'supervisorLimitFen' | 'ticketTotalFen';
const MONEY: Array<[Money, 'agentLimit' | 'supervisorLimit' | 'ticketTotal']> = [
  ['agentLimitFen', 'agentLimit'],
  ['supervisorLimitFen', 'supervisorLimit'],
  ['ticketTotalFen', 'ticketTotal'],
];

function Form({ initial }: { initial: RefundSettings }) {
  const { t } = useTranslation();
  const user = useUser();
  const [text, setText] = useState<Record<Money, string>>({
    agentLimitFen: fenToYuanText(initial.agentLimitFen),
    supervisorLimitFen: fenToYuanText(initial.supervisorLimitFen),
    ticketTotalFen: fenToYuanText(initial.ticketTotalFen),
  });
  const [hours, setHours] = useState(String(initial.executeWithinHours));
  const [secondPerson, setSecondPerson] = useState(initial.secondPersonWithinLimit);
  const [errors, setErrors] = useState<Partial<Record<Money | 'hours', string>>>({});
  const { busy, msg, run } = useAction();
  const admin = mayCall(user.role, 'refunds/saveSettings');

  async function save(e: FormEvent) {
    e.preventDefault();
    const next: Partial<Record<Money | 'hours', string>> = {};
    const fen = {} as Record<Money, number>;
    for (const [key] of MONEY) {
      const r = amountFromText(text[key], t);
      if (r.error !== null) next[key] = r.error;
      else fen[key] = r.fen;
    }
    if (!/^\d{1,3}$/.test(hours.trim()) || Number(hours) < 1) next.hours = t('refunds.required', { field: t('refunds.settings.hours') });
    setErrors(next);
    if (Object.keys(next).length) return;
    await run(() => call('refunds/saveSettings', { ...fen, executeWithinHours: Number(hours), secondPersonWithinLimit: secondPerson }), {
      ok: () => t('refunds.settings.saved'),
    });
  }

  return (
    <form className="panel refund-settings" onSubmit={save} noValidate aria-label={t('refunds.settings.title')} data-testid="refund-settings">
      <h2>{t('refunds.settings.title')}</h2>
      {!admin && <p className="hint">{t('refunds.settings.adminOnly')}</p>}
      <fieldset disabled={!admin} className="refund-settings">
        {MONEY.map(([key, label]) => (
          <Field key={key} label={t(`refunds.settings.${label}`)} error={errors[key]}>
            <input className="num" value={text[key]} onChange={(e) => setText((x) => ({ ...x, [key]: e.target.value }))} inputMode="decimal" />
          </Field>
        ))}
        <Field label={t('refunds.settings.hours')} error={errors.hours}>
          <input className="num" value={hours} onChange={(e) => setHours(e.target.value)} inputMode="numeric" maxLength={3} />
        </Field>
        <label className="check">
          <input type="checkbox" checked={secondPerson} onChange={(e) => setSecondPerson(e.target.checked)} />
          {t('refunds.settings.secondPerson')}
        </label>
        <div className="row-actions">
          <button type="submit" className="btn primary small" disabled={busy}>
            {t('refunds.settings.save')}
          </button>
        </div>
      </fieldset>
      {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
    </form>
  );
}

export function RefundSettingsForm() {
  const q = useQuery('refunds/settings', {});
  if (q.error) return <Alert kind="error">{q.error}</Alert>;
  return q.data ? <Form initial={q.data} /> : null;
}
