/**
 * One warning: its figures, the review / publish / close actions the viewer's
 * role allows, who was told, the history (who, when, what) and the customers'
 * numbers involved (masked for agents by the server).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { call } from '../api/client';
import { useAction } from '../state/useAction';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { mayCall } from '../lib/access';
import { formatDateTime } from '../lib/time';
import { useUser } from '../state/session';
import { useQuery } from '../state/useQuery';
import { LevelBadge } from './WarningTable';
import { warningTicketsHref } from './ticketsLink';
import type { WarningDetail } from './types';

type Event = WarningDetail['events'][number];

function eventText(e: Event, t: TFunction): string {
  const d = e.detail as Record<string, unknown>;
  const word = (group: 'source' | 'level' | 'review', v: unknown) => t(`warnings.${group}.${String(v) as 'red'}` as 'warnings.level.red');
  switch (e.kind) {
    case 'raised':
      return `${word('source', d.source)} · ${word('level', d.level)} · ${String(d.count)}${d.note ? ` · ${String(d.note)}` : ''}`;
    case 'level_raised':
      return `${word('level', d.from)} → ${word('level', d.to)} · ${String(d.count)}`;
    case 'reviewed':
      return `${word('review', d.result)}${d.comment ? `：${String(d.comment)}` : ''}`;
    case 'published':
      return (d.recipients as Array<{ name: string; role: string }>).map((r) => `${r.name}（${r.role}）`).join('、');
    case 'recovered':
      return `${t(`warnings.detail.reasons.${String(d.reason) as 'period_over'}`)} · ${String(d.count)}`;
    case 'closed':
      return String(d.reason);
  }
}

export function WarningPanel({ id, zone, onChanged }: { id: number; zone: string; onChanged(): void }) {
  const { t } = useTranslation();
  const user = useUser();
  const detail = useQuery('warnings/get', { id });
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const { busy, msg: notice, run } = useAction();
  const w = detail.data?.warning;

  async function act<T>(fn: () => Promise<T>, ok: (r: T) => string) {
    const done = await run(fn, { ok });
    if (done === null) return;
    setComment('');
    setReason('');
    detail.reload();
    onChanged();
  }

  if (detail.error) return <Alert kind="error">{detail.error}</Alert>;
  if (!w || !detail.data) return null;
  const open = w.ended === null;
  const mayAct = mayCall(user.role, 'warnings/review');
  const href = warningTicketsHref(w);
  return (
    <section className="panel warning-panel" data-testid="warning-panel" aria-labelledby="warning-panel-title">
      <h2 id="warning-panel-title">
        {t('warnings.detail.title', { id: w.id })} <LevelBadge level={w.level} />{' '}
        <span className={`badge warning-state state-${w.state}`} data-testid="warning-state">
          {t(`warnings.state.${w.state}`)}
        </span>
      </h2>
      <p>
        {w.category} · {w.district ?? t('warnings.branch')} · {t(`warnings.period.${w.period}`)} · {t('warnings.col.count')} {w.count} ·{' '}
        {t('warnings.col.threshold')} {w.threshold === null ? '—' : Math.round(w.threshold * 100) / 100} · {t('warnings.detail.window')}{' '}
        {formatDateTime(w.windowStart, zone)} – {formatDateTime(w.windowEnd - 1, zone)}
        {href && (
          <>
            {' '}
            <a href={href}>{t('warnings.ticketsTitle')}</a>
          </>
        )}
      </p>
      {w.note && (
        <p>
          {t('warnings.detail.note')}：{w.note}
        </p>
      )}
      {notice && (
        <Alert kind={notice.kind} testId="warning-notice">
          {notice.text}
        </Alert>
      )}
      {mayAct && open && (
        <div className="warning-actions">
          {w.review === null && (
            <div className="inline-form">
              <Field label={t('warnings.comment')} hint={t('warnings.commentHint')}>
                <input value={comment} maxLength={500} onChange={(e) => setComment(e.target.value)} />
              </Field>
              <button type="button" className="btn primary" data-testid="warning-approve" disabled={busy} onClick={() => void act(() => call('warnings/review', { id, result: 'approved', comment }), () => t('warnings.done.approved'))}>
                {t('warnings.approve')}
              </button>
              <button type="button" className="btn" data-testid="warning-reject" disabled={busy} onClick={() => void act(() => call('warnings/review', { id, result: 'rejected', comment }), () => t('warnings.done.rejected'))}>
                {t('warnings.reject')}
              </button>
            </div>
          )}
          {w.review === 'approved' && w.publishedAt === null && (
            <button
              type="button"
              className="btn primary"
              data-testid="warning-publish"
              disabled={busy}
              onClick={() => void act(() => call('warnings/publish', { id }), (r) => t('warnings.done.published', { count: r.publishedTo?.length ?? 0 }))}
            >
              {t('warnings.publish')}
            </button>
          )}
          <div className="inline-form">
            <Field label={t('warnings.reason')}>
              <input value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
            </Field>
            <button type="button" className="btn" disabled={busy || reason.trim() === ''} onClick={() => void act(() => call('warnings/close', { id, reason }), () => t('warnings.done.closed'))}>
              {t('warnings.close')}
            </button>
          </div>
        </div>
      )}
      {w.publishedTo && (
        <p data-testid="warning-recipients">
          {t('warnings.detail.recipients')}：{w.publishedTo.map((r) => `${r.name}（${r.role}）`).join('、')}
        </p>
      )}
      <h3>{t('warnings.detail.history')}</h3>
      <ol className="warning-history" data-testid="warning-history">
        {detail.data.events.map((e) => (
          <li key={e.id}>
            <time>{formatDateTime(e.at, zone)}</time> <strong>{t(`warnings.detail.event.${e.kind}`)}</strong> · {e.actor ?? t('warnings.detail.system')} · {eventText(e, t)}
          </li>
        ))}
      </ol>
      <h3>{t('warnings.detail.phones', { total: detail.data.phonesTotal })}</h3>
      <p className="phones" data-testid="warning-phones">
        {detail.data.phones.join('、')}
        {detail.data.phonesTotal > detail.data.phones.length && ` … ${t('warnings.detail.phonesMore', { shown: detail.data.phones.length })}`}
      </p>
    </section>
  );
}
