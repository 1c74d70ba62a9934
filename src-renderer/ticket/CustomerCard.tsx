import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import type { Ticket } from '../api/types';
import { useAction } from '../state/useAction';

/** The customer, with the number masked for agents until they ask (the reveal is logged by the server). */
export function CustomerCard({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const [revealed, setRevealed] = useState<string | null>(null);
  const { busy, msg, run } = useAction();
  const error = msg?.text ?? null;

  async function reveal() {
    const shown = await run(() => call('tickets/revealPhone', { id: ticket.id }));
    if (shown) setRevealed(shown.phone);
  }

  const place = [ticket.city, ticket.district].filter(Boolean).join(' / ');
  return (
    <section className="panel" aria-labelledby="customer-title">
      <h2 id="customer-title">{t('ticket.customer')}</h2>
      <dl className="facts">
        <dt>{t('ticket.phone')}</dt>
        <dd>
          <span className="num" data-testid="customer-phone">
            {revealed ?? ticket.phone}
          </span>
          {ticket.phoneMasked && !revealed && (
            <>
              {' '}
              <button type="button" className="btn small" disabled={busy} onClick={() => void reveal()} title={t('ticket.revealHint')}>
                {t('ticket.reveal')}
              </button>
              <span className="hint"> {t('ticket.revealHint')}</span>
            </>
          )}
          {error && <span className="field-error"> ✕ {error}</span>}
        </dd>
        <dt>{t('ticket.name')}</dt>
        <dd>{ticket.customerName ?? t('common.none')}</dd>
        <dt>{t('ticket.place')}</dt>
        <dd>{place || t('common.none')}</dd>
      </dl>
    </section>
  );
}
