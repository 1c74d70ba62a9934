/** The administrator's warning settings: monitored categories, coefficient, protection value, level multiples, recipients. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { useAction } from '../state/useAction';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import type { WarningSettings } from './types';

export function WarningSettingsForm({ value, onSaved }: { value: WarningSettings; onSaved(): void }) {
  const { t } = useTranslation();
  const [categories, setCategories] = useState((value.categories ?? []).join('\n'));
  const [coefficient, setCoefficient] = useState(String(value.coefficient));
  const [protection, setProtection] = useState(String(value.protection));
  const [levels, setLevels] = useState({ yellow: String(value.levels.yellow), orange: String(value.levels.orange), red: String(value.levels.red) });
  const [recipients, setRecipients] = useState(value.recipients.map((r) => `${r.name},${r.role}`).join('\n'));
  const { busy, msg: notice, setMsg: setNotice, run } = useAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setNotice(null);
    const lines = recipients.split('\n').map((l) => l.trim()).filter(Boolean);
    const parsed = lines.map((l) => l.split(/[,，]/).map((x) => x.trim()));
    const bad = parsed.findIndex((p) => p.length !== 2 || !p[0] || !p[1]);
    if (bad >= 0) {
      setNotice({ kind: 'error', text: t('warnings.settings.recipientsBad', { line: bad + 1 }) });
      return;
    }
    const cats = categories.split('\n').map((l) => l.trim()).filter(Boolean);
    const saved = await run(
      () =>
        call('warnings/saveSettings', {
          categories: cats.length ? cats : null,
          coefficient: Number(coefficient),
          protection: Number(protection),
          levels: { yellow: Number(levels.yellow), orange: Number(levels.orange), red: Number(levels.red) },
          recipients: parsed.map(([name, role]) => ({ name: name!, role: role! })),
        }),
      { ok: () => t('warnings.done.saved') },
    );
    if (saved !== null) onSaved();
  }

  return (
    <form className="panel warning-settings" onSubmit={(e) => void submit(e)} aria-labelledby="warning-settings-title">
      <h2 id="warning-settings-title">{t('warnings.settings.title')}</h2>
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      <Field label={t('warnings.settings.categories')}>
        <textarea rows={3} value={categories} onChange={(e) => setCategories(e.target.value)} />
      </Field>
      <div className="form-row">
        <Field label={t('warnings.settings.coefficient')}>
          <input type="number" step="0.05" min="0.05" value={coefficient} onChange={(e) => setCoefficient(e.target.value)} />
        </Field>
        <Field label={t('warnings.settings.protection')}>
          <input type="number" step="1" min="0" value={protection} onChange={(e) => setProtection(e.target.value)} />
        </Field>
        {(['yellow', 'orange', 'red'] as const).map((l) => (
          <Field key={l} label={t(`warnings.settings.${l}`)}>
            <input type="number" step="0.05" min="0.05" value={levels[l]} onChange={(e) => setLevels({ ...levels, [l]: e.target.value })} />
          </Field>
        ))}
      </div>
      <Field label={t('warnings.settings.recipients')}>
        <textarea rows={3} value={recipients} onChange={(e) => setRecipients(e.target.value)} data-testid="warning-recipients-input" />
      </Field>
      <button type="submit" className="btn primary" disabled={busy}>
        {t('warnings.settings.save')}
      </button>
    </form>
  );
}
