/**
 * The step between editing the deadline policy and saving it: what the new
 * rules would do to the open tickets (the server's sla/previewPolicy, nothing
 * written yet) — how many change, earlier or later, how many would be past
 * due at once, and the changes due first with their old and new due times —
 * and the two ways on: confirm (save and recompute) or go back to editing.
 */
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { OutputOf } from '../../api/types';
import { ruleName } from '../../../src-main/core/sla/rule-names';
import { formatDuration } from '../../lib/duration';
import { formatDateTime } from '../../lib/time';
import { ticketHref } from '../../state/route';
import { useBranch } from '../../state/session';
import { clockName } from './words';

export type PolicyPreviewResult = OutputOf<'sla/previewPolicy'>;
type Change = PolicyPreviewResult['sample'][number];

const FIELD_OF = { first_response: 'firstResponseMin', resolution: 'resolutionMin', follow_up: 'followUpMin' } as const;

function shiftText(c: Change, t: TFunction): string {
  if (c.before === null || c.after === null) return '—';
  const d = formatDuration(Math.abs(c.after - c.before), t);
  return c.after < c.before ? t('sla.shiftEarlier', { d }) : t('sla.shiftLater', { d });
}

export function PolicyPreview({ preview, busy, onConfirm, onBack }: { preview: PolicyPreviewResult; busy: boolean; onConfirm(): void; onBack(): void }) {
  const { t, i18n } = useTranslation();
  const { zone } = useBranch();
  const locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  const due = (ms: number | null) => (ms === null ? t('sla.pendingDue') : formatDateTime(ms, zone));
  const rule = (before: string | null, after: string | null) => {
    const a = after === null ? '—' : ruleName(after, locale);
    return before === after || before === null ? a : `${ruleName(before, locale)} → ${a}`;
  };
  return (
    <section className="sla-preview" aria-labelledby="sla-preview-title" data-testid="sla-preview" role="dialog">
      <h3 id="sla-preview-title">{t('sla.previewTitle')}</h3>
      <p data-testid="sla-preview-summary">
        {preview.tickets === 0 && preview.unknown === 0
          ? t('sla.previewNone', { open: preview.openTickets })
          : t('sla.previewSummary', { open: preview.openTickets, tickets: preview.tickets, earlier: preview.earlier, later: preview.later })}
        {preview.overdueAtOnce > 0 && <strong className="bad"> {t('sla.previewOverdue', { count: preview.overdueAtOnce })}</strong>}
        {preview.unknown > 0 && ` ${t('sla.previewUnknown', { count: preview.unknown })}`}
      </p>
      {preview.sample.length > 0 && (
        <>
          <p className="hint">{t('sla.previewSample', { count: preview.sample.length })}</p>
          <div className="sla-preview-table">
            <table data-testid="sla-preview-sample">
              <thead>
                <tr>
                  <th>{t('sla.previewCol.ticket')}</th>
                  <th>{t('sla.previewCol.clock')}</th>
                  <th>{t('sla.previewCol.rule')}</th>
                  <th>{t('sla.previewCol.before')}</th>
                  <th>{t('sla.previewCol.after')}</th>
                  <th>{t('sla.previewCol.shift')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.sample.map((c) => (
                  <tr key={`${c.ticketId}-${c.clock}`} data-ticket={c.ticketNo} data-clock={c.clock}>
                    <td>
                      <a href={ticketHref(c.ticketId)} className="ticket-link">
                        {c.ticketNo}
                      </a>
                    </td>
                    <td>{clockName(FIELD_OF[c.clock], t)}</td>
                    <td>{rule(c.ruleBefore, c.ruleAfter)}</td>
                    <td className="num">{due(c.before)}</td>
                    <td className={`num${c.after !== null && c.before !== null && c.after < c.before ? ' bad' : ''}`}>{due(c.after)}</td>
                    <td>{shiftText(c, t)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <div className="sla-preview-actions">
        <button type="button" className="btn primary" onClick={onConfirm} disabled={busy} autoFocus data-testid="sla-confirm">
          {busy ? t('sla.saving') : t('sla.confirmSave')}
        </button>
        <button type="button" className="btn" onClick={onBack} disabled={busy} data-testid="sla-back">
          {t('sla.backToEdit')}
        </button>
      </div>
    </section>
  );
}
