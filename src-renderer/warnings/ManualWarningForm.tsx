/** 人工发布: a supervisor raises a warning by hand; the server fills in the check's own figures. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { useAction } from '../state/useAction';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { ListSelect } from '../components/ListSelect';

export function ManualWarningForm({ categories, onDone }: { categories: string[]; onDone(): void }) {
  const { t } = useTranslation();
  const [category, setCategory] = useState(categories[0] ?? '');
  const [district, setDistrict] = useState('');
  const [period, setPeriod] = useState<'month' | 'rolling7'>('month');
  const [level, setLevel] = useState<'yellow' | 'orange' | 'red'>('yellow');
  const [note, setNote] = useState('');
  const { busy, msg: notice, run } = useAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const done = await run(() => call('warnings/publishByHand', { category, district: district.trim() || null, period, level, note }), {
      ok: () => t('warnings.done.manual'),
    });
    if (done === null) return;
    setNote('');
    onDone();
  }

  return (
    <form className="panel warning-manual" onSubmit={(e) => void submit(e)} aria-labelledby="warning-manual-title">
      <h2 id="warning-manual-title">{t('warnings.manual.title')}</h2>
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      <div className="form-row">
        <Field label={t('warnings.manual.category')} required>
          <select value={category} onChange={(e) => setCategory(e.target.value)}>
            {categories.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </Field>
        <Field label={t('warnings.manual.district')}>
          <ListSelect kind="district" value={district} onChange={setDistrict} blank={t('warnings.branch')} />
        </Field>
        <Field label={t('warnings.manual.period')}>
          <select value={period} onChange={(e) => setPeriod(e.target.value as 'month' | 'rolling7')}>
            <option value="month">{t('warnings.period.month')}</option>
            <option value="rolling7">{t('warnings.period.rolling7')}</option>
          </select>
        </Field>
        <Field label={t('warnings.manual.level')}>
          <select value={level} onChange={(e) => setLevel(e.target.value as 'yellow' | 'orange' | 'red')}>
            {(['yellow', 'orange', 'red'] as const).map((l) => (
              <option key={l} value={l}>
                {t(`warnings.level.${l}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label={t('warnings.manual.note')} required>
        <textarea value={note} maxLength={500} rows={2} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <button type="submit" className="btn primary" disabled={busy || note.trim() === '' || category === ''}>
        {t('warnings.manual.submit')}
      </button>
    </form>
  );
}
