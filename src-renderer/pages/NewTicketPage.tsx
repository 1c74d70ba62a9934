import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedTicket } from '../api/types';
import { CreatedNotice } from '../tickets/CreatedNotice';
import { NewTicketForm } from '../tickets/NewTicketForm';

export function NewTicketPage() {
  const { t } = useTranslation();
  const [result, setResult] = useState<CreatedTicket | null>(null);
  const [formKey, setFormKey] = useState(0);
  return (
    <section className="page new-ticket-page" aria-labelledby="new-ticket-title">
      <h1 id="new-ticket-title">{t('newTicket.title')}</h1>
      {result ? (
        <CreatedNotice
          result={result}
          onAnother={() => {
            setResult(null);
            setFormKey((k) => k + 1);
          }}
        />
      ) : (
        <NewTicketForm key={formKey} onCreated={setResult} />
      )}
    </section>
  );
}
