/** The admin enters the branch's subscriber count here (for complaints per 10,000 subscribers). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { Alert } from '../components/Alert';
import { useAction } from '../state/useAction';

export function SubscribersForm({ current, onSaved }: { current: number | null; onSaved(): void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(current === null ? '' : String(current));
  const { busy, msg: note, setMsg: setNote, run } = useAction();
  const save = () => {
    const n = value.trim() === '' ? null : Number(value.replace(/[,\s]/g, ''));
    if (n !== null && (!Number.isInteger(n) || n <= 0)) return setNote({ kind: 'error', text: t('reports.subscribers.hint') });
    void run(() => call('reports/setSubscribers', { subscribers: n }), { ok: () => t('reports.subscribers.saved') }).then((saved) => saved && onSaved());
  };
  return (
    <form
      className="subscribers-form no-print"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <label>
        {t('reports.subscribers.label')}{' '}
        <input inputMode="numeric" value={value} onChange={(e) => setValue(e.target.value)} data-testid="subscribers" size={12} />
      </label>
      <button type="submit" className="btn small" disabled={busy}>
        {t('reports.subscribers.save')}
      </button>
      <span className="hint">{t('reports.subscribers.hint')}</span>
      {note && <Alert kind={note.kind}>{note.text}</Alert>}
    </form>
  );
}
