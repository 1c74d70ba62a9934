/**
 * The ticket page's refunds: totals, the authority in force, the entries with
 * their steps and history, and a form to enter a new one. Each step answers
 * with the ticket's refunds as the server now has them; the page is told so it
 * can refresh the clocks in its header.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../src-main/core/money';
import { Alert } from '../components/Alert';
import { useQuery } from '../state/useQuery';
import { RefundEntry } from './RefundEntry';
import { RefundForm } from './RefundForm';
import type { TicketRefunds } from './types';
import '../styles/refunds.css';

export function RefundsSection({ ticketId, onChanged }: { ticketId: number; onChanged?: () => void }) {
  const { t } = useTranslation();
  const q = useQuery('refunds/forTicket', { ticketId });
  const [adding, setAdding] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  function changed(value: TicketRefunds, message: string) {
    q.set(value);
    setDone(message);
    onChanged?.();
  }

  const data = q.data;
  return (
    <section className="panel refunds" aria-labelledby="refunds-title" data-testid="refunds">
      <div className="refunds-head">
        <h2 id="refunds-title">{t('refunds.sectionTitle')}</h2>
        {data && data.entries.length > 0 && (
          <span className="muted num" data-testid="refunds-totals">
            {t('refunds.total', { total: formatFen(data.totalFen) })} · {t('refunds.netExecuted', { total: formatFen(data.netExecutedFen) })}
          </span>
        )}
        <span className="spacer" />
        <button
          type="button"
          className={`btn small${adding ? ' pressed' : ''}`}
          aria-expanded={adding}
          onClick={() => {
            setAdding((a) => !a);
            setDone(null);
          }}
          data-testid="refund-add"
        >
          {t('refunds.add')}
        </button>
      </div>
      {data && (
        <p className="hint">
          {t('refunds.limitsHint', {
            agent: formatFen(data.settings.agentLimitFen),
            supervisor: formatFen(data.settings.supervisorLimitFen),
            ticket: formatFen(data.settings.ticketTotalFen),
          })}
        </p>
      )}
      {adding && (
        <RefundForm
          ticketId={ticketId}
          onDone={(value, submitted) => {
            setAdding(false);
            changed(value, t('refunds.done', { action: submitted ? t('refunds.submitNow') : t('refunds.saveDraft') }));
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      {q.error && <Alert kind="error">{q.error}</Alert>}
      {done && (
        <Alert kind="ok" testId="refund-done">
          {done}
        </Alert>
      )}
      {data && data.entries.length === 0 && !adding && <p className="empty">{t('refunds.none')}</p>}
      {data && data.entries.length > 0 && (
        <ol className="refund-list">
          {[...data.entries].reverse().map((e) => (
            <RefundEntry key={e.id} entry={e} onChanged={changed} />
          ))}
        </ol>
      )}
    </section>
  );
}
