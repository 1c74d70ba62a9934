/**
 * 智能派单 on the ticket page, one line in two places:
 *
 * - In the 转派 / 申请转派 form (`TransferProposal`): the department the
 *   branch's settled tickets suggest now for this ticket's complaint text,
 *   with the words that decided, and one button that puts it in the form. The
 *   form is told which department it showed, so the transfer records the
 *   proposal and whether it was taken (dispatch/stats counts it).
 * - Above the actions of a ticket without a department (`RecordedProposal`):
 *   the proposal recorded when the ticket arrived — for a ticket imported from
 *   the CRM, the category and department the console proposed after the
 *   import — with its words, and one button that opens the transfer form with
 *   that department in it.
 */
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../state/useQuery';

const pct = (p: number) => `${Math.round(p * 100)}%`;

/** The n-grams to show: each once, and none inside another shown (信号 inside 信号差). */
function shownGrams(grams: readonly string[]): string[] {
  return grams.filter((g, i, all) => all.indexOf(g) === i && !all.some((o, j) => j !== i && o !== g && o.includes(g)));
}

interface LineProps {
  testId: string;
  label: string;
  department: string;
  probability?: number | undefined;
  reasons: readonly string[];
  /** Said after the department (the recorded proposal's category and its words). */
  extra?: ReactNode;
  taken: boolean;
  takeLabel: string;
  onTake(): void;
}

/** 依据：the words, as badges; nothing when no word decided (the model proposed by the label counts alone). */
function Because({ grams, testId }: { grams: readonly string[]; testId: string }) {
  const { t } = useTranslation();
  const shown = shownGrams(grams);
  if (shown.length === 0) return null;
  return (
    <span className="dispatch-reason" data-testid={testId}>
      {' '}
      {t('dispatch.because')}
      {shown.map((g) => (
        <span key={g} className="badge">
          {g}
        </span>
      ))}
    </span>
  );
}

function ProposalLine({ testId, label, department, probability, reasons, extra, taken, takeLabel, onTake }: LineProps) {
  const { t } = useTranslation();
  return (
    <div className="dispatch-suggestion transfer-proposal" data-testid={testId}>
      <strong>{label}</strong>
      {'：'}
      <span data-testid={`${testId}-department`}>{department}</span> {probability !== undefined && <span className="muted">{pct(probability)}</span>}
      <Because grams={reasons} testId={`${testId}-reason`} />
      {extra}{' '}
      <button type="button" className="btn small" data-testid={`${testId}-take`} disabled={taken} onClick={onTake}>
        {taken ? t('dispatch.taken') : takeLabel}
      </button>
    </div>
  );
}

interface Props {
  /** The ticket's complaint text. */
  description: string;
  /** The form's department, to say 已采用 when it is the proposal's. */
  department: string;
  onTake(department: string): void;
  /** The department proposed (null: none), so the transfer can record what the form showed. */
  onShown?(department: string | null): void;
}

export function TransferProposal({ description, department, onTake, onShown }: Props) {
  const { t } = useTranslation();
  const text = description.trim();
  const q = useQuery('dispatch/propose', text.length >= 2 ? { text } : null);
  const best = q.data?.department?.options[0];
  const shown = best?.department ?? null;
  useEffect(() => onShown?.(shown), [shown, onShown]);
  if (!best) return null;
  return (
    <ProposalLine
      testId="transfer-proposal"
      label={t('dispatch.title')}
      department={best.department}
      probability={best.probability}
      reasons={(q.data?.department?.reasons ?? []).map((r) => r.gram)}
      taken={best.department === department.trim()}
      takeLabel={t('dispatch.accept')}
      onTake={() => onTake(best.department)}
    />
  );
}

/** The proposal recorded when this ticket (without a department) arrived, and a button that opens the transfer form with it. */
export function RecordedProposal({ ticketId, version, request, onTake }: { ticketId: number; version: number; request: boolean; onTake(department: string): void }) {
  const { t } = useTranslation();
  const q = useQuery('dispatch/recorded', { id: ticketId }, version);
  const p = q.data;
  if (!p?.department) return null;
  const dep = p.department.department;
  return (
    <ProposalLine
      testId="recorded-proposal"
      label={t(p.source === 'import' ? 'dispatch.recordedImport' : 'dispatch.recordedForm')}
      department={dep}
      reasons={p.department.reasons}
      extra={
        p.category && (
          <span data-testid="recorded-proposal-category">
            {' · '}
            {t('dispatch.recordedCategory', { path: p.category.path })}
            <Because grams={p.category.reasons} testId="recorded-proposal-category-reason" />
          </span>
        )
      }
      taken={false}
      takeLabel={t(request ? 'dispatch.acceptRequest' : 'dispatch.acceptTransfer')}
      onTake={() => onTake(dep)}
    />
  );
}
