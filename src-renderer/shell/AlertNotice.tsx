/**
 * The console's own notice for a batch of alerts, one per batch however many
 * it holds: counted in tickets, each once at the latest stage it reached
 * (core/sla/alert-groups.ts) — so an import of 500 overdue rows is one notice
 * saying 500 tickets, not 2,000 alerts. It opens the notification centre's
 * count in the bell; it closes on its own after a while, or with ✕.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ticketsByLatestStage } from '../../src-main/core/sla/alert-groups';
import { useLastAlertBatch } from '../state/deskEvents';

const SHOWN_MS = 20_000;
const ORDER = ['breached', 'approaching', 'escalated'] as const;

export function AlertNotice() {
  const { t } = useTranslation();
  const last = useLastAlertBatch();
  const [closed, setClosed] = useState<number | null>(null);
  useEffect(() => {
    if (!last) return;
    const timer = window.setTimeout(() => setClosed(last.seq), SHOWN_MS);
    return () => window.clearTimeout(timer);
  }, [last]);
  if (!last || closed === last.seq) return null;
  const counts = ticketsByLatestStage(last.batch.alerts);
  const parts = ORDER.filter((k) => counts[k] > 0).map((k) => t(`alerts.notice.${k}`, { count: counts[k] }));
  const text = parts.join(t('alerts.notice.sep'));
  return (
    <div className="alert-notice" role="status" data-testid="alert-notice" data-tickets={counts.breached + counts.approaching + counts.escalated}>
      <span>{last.batch.catchUp ? t('alerts.notice.catchUp', { text }) : text}</span>
      <button type="button" className="btn small" aria-label={t('alerts.notice.close')} onClick={() => setClosed(last.seq)}>
        ✕
      </button>
    </div>
  );
}
