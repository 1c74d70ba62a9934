/**
 * The notification bell: how many clocks have an alert for this person's role
 * that nobody acknowledged (plus the monthly report's reminders, listed first
 * in the panel for those who send the month), and a panel listing each such
 * clock once at its latest stage. Acknowledging an entry acknowledges the clock (who and when
 * are recorded by the server).
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import type { AlertEntry, UploadReminder } from '../api/types';
import { Alert as Notice } from '../components/Alert';
import { Icon } from '../components/Icon';
import { formatDateTime } from '../lib/time';
import { ticketHref } from '../state/route';
import { useBranch } from '../state/session';
import { useAction } from '../state/useAction';
import { useQuery } from '../state/useQuery';
import { useDeadlineSummary } from './useDeadlineSummary';
import { useNow } from '../state/useNow';
import { reminderText } from './reminderText';

const KIND_ICON: Record<AlertEntry['kind'], string> = { approaching: '!', breached: '✕', escalated: '⇧' };

/** The monthly report's reminders at the top of the panel, each a link to the 上报 page. */
function ReminderList({ reminders, onClose }: { reminders: readonly UploadReminder[]; onClose(): void }) {
  const { t } = useTranslation();
  const now = useNow(60_000);
  if (reminders.length === 0) return null;
  return (
    <div className="bell-reminders" data-testid="bell-reminders">
      <strong>{t('alerts.reminder.title')}</strong>
      <ul className="bell-list">
        {reminders.map((r) => (
          <li key={r.kind === 'upload_failing' ? `f${r.month}${r.revision}` : `u${r.month}`} className="bell-item kind-reminder">
            <span className="badge alert-breached">
              <span aria-hidden="true">⚠ </span>
              {r.month}
            </span>
            <a href="#/hq" onClick={onClose}>
              {reminderText(r, now, t)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function AlertPanel({ onChanged, onClose, reminders, newWarnings }: { onChanged(): void; onClose(): void; reminders: readonly UploadReminder[]; newWarnings: number }) {
  const { t } = useTranslation();
  const { zone } = useBranch();
  const list = useQuery('alerts/list', { unacknowledgedOnly: true, limit: 50 });
  const acknowledging = useAction();
  const error = acknowledging.msg?.text ?? null;

  async function ack(ids: number[]) {
    if (!(await acknowledging.run(() => call('alerts/acknowledge', { ids })))) return;
    list.reload();
    onChanged();
  }

  const alerts = list.data ?? [];
  return (
    <div className="bell-panel" role="dialog" aria-label={t('alerts.title')} data-testid="alert-panel">
      <div className="bell-panel-head">
        <strong>{t('alerts.title')}</strong>
        {alerts.length > 1 && (
          <button type="button" className="btn small" onClick={() => void ack(alerts.map((a) => a.id))}>
            {t('alerts.ackAll')}
          </button>
        )}
      </div>
      <ReminderList reminders={reminders} onClose={onClose} />
      {newWarnings > 0 && (
        <p className="bell-warnings">
          <a href="#/warnings?state=pending" onClick={onClose} data-testid="bell-warnings">
            {t('warnings.bell', { count: newWarnings })}
          </a>
        </p>
      )}
      <p className="hint">{t('alerts.hint')}</p>
      {(error ?? list.error) && <Notice kind="error">{error ?? list.error}</Notice>}
      {list.data && alerts.length === 0 && <p className="empty">{t('alerts.empty')}</p>}
      <ul className="bell-list">
        {alerts.map((a) => (
          <li key={a.id} className={`bell-item kind-${a.kind}`} data-ticket-no={a.ticketNo} data-clock={a.clock}>
            <span className={`badge alert-${a.kind}`}>
              <span aria-hidden="true">{KIND_ICON[a.kind]} </span>
              {t(`alerts.kind.${a.kind}`)}
            </span>
            <a href={ticketHref(a.ticketId)} onClick={onClose}>
              {a.ticketNo}
            </a>
            <span>{t(`clock.kind.${a.clock}`)}</span>
            {a.dueAt !== null && <span className="muted num">{t('clock.due', { at: formatDateTime(a.dueAt, zone) })}</span>}
            <span className="muted">{t('alerts.to', { target: t(`alerts.target.${a.targetRole}`) })}</span>
            {a.stages > 1 ? (
              <span className="muted small" data-testid="alert-stages" title={t('alerts.stagesSince', { at: formatDateTime(a.firstRaisedAt, zone) })}>
                {t('alerts.stages', { count: a.stages })}
              </span>
            ) : (
              <span />
            )}
            <button type="button" className="btn small" onClick={() => void ack([a.id])}>
              {t('alerts.ack')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function AlertBell() {
  const { t } = useTranslation();
  const summary = useDeadlineSummary();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const reminders = summary.data?.uploadReminders ?? [];
  const newWarnings = summary.data?.newWarnings ?? 0;
  const count = (summary.data?.unacknowledged ?? 0) + reminders.length + newWarnings;

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    window.addEventListener('pointerdown', onDown);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('pointerdown', onDown);
      window.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="bell" ref={box}>
      <button
        type="button"
        className="btn small bell-button"
        aria-expanded={open}
        aria-label={t('alerts.bellCount', { count })}
        title={t('alerts.bellCount', { count })}
        onClick={() => setOpen((o) => !o)}
        data-testid="alert-bell"
      >
        <Icon name="bell" size={16} />
        <span className={`bell-count${count > 0 ? ' has' : ''}`} data-count={count}>
          {count}
        </span>
      </button>
      {open && <AlertPanel onChanged={summary.reload} onClose={() => setOpen(false)} reminders={reminders} newWarnings={newWarnings} />}
    </div>
  );
}
