/**
 * 上报: the last thirteen months with their bundle and upload state; export a
 * month (with a progress bar; a month already sent whose data changed asks for
 * the reason), save the bundle, queue it for headquarters, retry now; the
 * signing key; the administrator's export settings.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonthRow, ExportProgress } from '../../src-main/services/export/console';
import { call } from '../api/client';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { formatDateTime } from '../lib/time';
import { useBranch } from '../state/session';
import { useAction } from '../state/useAction';
import { useQuery } from '../state/useQuery';
import { KeyPanel } from './KeyPanel';
import { HqSettingsForm } from './HqSettingsForm';
import { saveBundle } from './transfer';
import '../styles/hq.css';

/** What the page is doing: exporting a month (its progress is polled), or a quicker step (save, queue, retry). */
type Doing = { exporting: string } | 'step';

function UploadState({ row, zone }: { row: MonthRow; zone: string }) {
  const { t } = useTranslation();
  const u = row.upload;
  if (!u) return <span className="muted">{t('hq.upload.none')}</span>;
  const text =
    u.state === 'sent'
      ? t('hq.upload.sent', { at: formatDateTime(u.receiptAt, zone) })
      : u.state === 'failed'
        ? t('hq.upload.failed', { error: u.lastError ?? '', next: formatDateTime(u.nextAttemptAt, zone) })
        : u.state === 'rejected'
          ? t('hq.upload.rejected', { error: u.lastError ?? '' })
          : t(`hq.upload.${u.state}`);
  return (
    <span className={`upload-state upload-${u.state}`} data-testid="upload-state">
      {text}
      {u.revision !== row.latest?.revision && ` · ${t('hq.revision', { revision: u.revision })}`}
    </span>
  );
}

export function HqPage() {
  const { t } = useTranslation();
  const zone = useBranch().zone;
  const months = useQuery('export/months', {});
  const settings = useQuery('export/settings', {});
  const job = useAction<Doing>();
  const exporting = typeof job.doing === 'object' && job.doing ? job.doing.exporting : null;
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [askReason, setAskReason] = useState<string | null>(null);
  const [reason, setReason] = useState('');

  // While a bundle is being made, ask the services how far it got.
  useEffect(() => {
    if (!exporting) return;
    const timer = setInterval(() => {
      void call('export/progress', {}).then(setProgress, () => undefined);
    }, 400);
    return () => clearInterval(timer);
  }, [exporting]);

  async function run(month: string, why: string | null) {
    setProgress({ month, fraction: 0, step: 'start' });
    const r = await job.run(() => call('export/run', { month, reason: why }), {
      doing: { exporting: month },
      // A month already sent whose data changed: ask for the reason instead of showing a refusal.
      refused: (refusal) => {
        if ((refusal.details as { why?: string } | undefined)?.why !== 'reason_required') return;
        job.setMsg(null);
        setAskReason(month);
      },
    });
    setProgress(null);
    months.reload();
    if (!r) return;
    const words = [r.unchanged ? t('hq.unchanged', { month, revision: r.revision }) : t('hq.exported', { month, revision: r.revision })];
    if (r.keyNotice?.kind === 'created') words.push(t('hq.keyCreated'));
    if (r.keyNotice?.kind === 'replaced_lost') words.push(t('hq.keyReplaced', { previous: r.keyNotice.previousFingerprint.slice(0, 16) }));
    job.setMsg({ kind: r.keyNotice?.kind === 'replaced_lost' ? 'warn' : 'ok', text: words.join(' ') });
    setAskReason(null);
    setReason('');
    settings.reload();
  }

  async function act(fn: () => Promise<unknown>, ok?: string) {
    await job.run(fn, { doing: 'step', ...(ok ? { ok: () => ok } : {}) });
    months.reload();
  }

  return (
    <section className="page hq-page" aria-labelledby="hq-title">
      <div className="page-head">
        <h1 id="hq-title">{t('hq.title')}</h1>
      </div>
      <p className="hint">{t('hq.intro')}</p>
      {settings.data && !settings.data.branchId && <Alert kind="warn">{t('hq.settings.branchMissing')}</Alert>}
      {job.msg && (
        <Alert kind={job.msg.kind} testId="hq-notice">
          {job.msg.text}
        </Alert>
      )}
      {progress && (
        <div className="hq-progress" data-testid="hq-progress">
          <span>
            {t('hq.exporting', { month: progress.month })} {t(`hq.step.${progress.step as 'start'}`, { defaultValue: progress.step })}
          </span>
          <progress max={1} value={progress.fraction} />
        </div>
      )}
      {askReason && (
        <form
          className="panel hq-reason"
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim()) void run(askReason, reason.trim());
          }}
        >
          <p>{t('hq.reasonTitle', { month: askReason })}</p>
          <Field label={t('hq.reason')}>
            <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} autoFocus />
          </Field>
          <div className="row-actions">
            <button type="submit" className="btn primary small" disabled={!reason.trim() || job.busy}>
              {t('hq.confirmReason')}
            </button>
            <button type="button" className="btn small" onClick={() => setAskReason(null)}>
              {t('hq.cancel')}
            </button>
          </div>
        </form>
      )}
      {months.error && <Alert kind="error">{months.error}</Alert>}
      <table className="table hq-months" data-testid="hq-months">
        <thead>
          <tr>
            <th>{t('hq.month')}</th>
            <th className="num">{t('hq.tickets')}</th>
            <th>{t('hq.exportState')}</th>
            <th>{t('hq.uploadState')}</th>
            <th>{t('hq.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {(months.data ?? []).map((row) => (
            <tr key={row.month} data-month={row.month}>
              <td>
                {row.month}
                {row.state === 'open' && <div className="muted small">{t('hq.monthOpen')}</div>}
              </td>
              <td className="num">{row.tickets.toLocaleString()}</td>
              <td data-testid="export-state">
                {row.latest ? (
                  <>
                    {t('hq.revision', { revision: row.latest.revision })}
                    {row.latest.draft && t('hq.draft')}
                    <div className="muted small">{formatDateTime(row.latest.createdAt, zone)}</div>
                  </>
                ) : (
                  <span className="muted">{t('hq.notExported')}</span>
                )}
              </td>
              <td>
                <UploadState row={row} zone={zone} />
              </td>
              <td>
                <div className="hq-actions">
                  <button type="button" className="btn small" disabled={job.busy || row.tickets === 0} onClick={() => void run(row.month, null)}>
                    {row.latest ? t('hq.exportAgain') : t('hq.export')}
                  </button>
                  {row.latest && (
                    <button type="button" className="btn small" disabled={job.busy} onClick={() => void act(() => saveBundle(row.month, row.latest!.revision))}>
                      {t('hq.save')}
                    </button>
                  )}
                  {row.latest && (!row.upload || row.upload.revision !== row.latest.revision) && (
                    <button type="button" className="btn small primary" disabled={job.busy} onClick={() => void act(() => call('export/queue', { month: row.month, revision: row.latest!.revision }), t('hq.queued'))}>
                      {t('hq.queue')}
                    </button>
                  )}
                  {row.upload && (row.upload.state === 'failed' || row.upload.state === 'rejected') && (
                    <button type="button" className="btn small" disabled={job.busy} onClick={() => void act(() => call('export/retry', { id: row.upload!.id }))}>
                      {t('hq.retry')}
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="hq-side">
        {settings.data && <KeyPanel view={settings.data} />}
        {settings.data && <HqSettingsForm view={settings.data} onSaved={settings.set} />}
      </div>
    </section>
  );
}
