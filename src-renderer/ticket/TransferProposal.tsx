/**
 * 智能派单 on a transfer: the department the branch's settled tickets suggest
 * for this ticket's complaint text, with the words that decided, and one
 * button that puts it in the transfer form. Tickets imported from the CRM and
 * tickets registered without a department get their department here, when a
 * supervisor passes them on — the new-ticket form's proposal never saw them.
 * A suggestion only: nothing is recorded until the transfer is confirmed.
 */
import { useTranslation } from 'react-i18next';
import { useQuery } from '../state/useQuery';

const pct = (p: number) => `${Math.round(p * 100)}%`;

interface Props {
  /** The ticket's complaint text. */
  description: string;
  /** The form's department, to say 已采用 when it is the proposal's. */
  department: string;
  onTake(department: string): void;
}

export function TransferProposal({ description, department, onTake }: Props) {
  const { t } = useTranslation();
  const text = description.trim();
  const q = useQuery('dispatch/propose', text.length >= 2 ? { text } : null);
  const best = q.data?.department?.options[0];
  if (!best) return null;
  const reasons = (q.data?.department?.reasons ?? []).map((r) => r.gram).filter((g, i, all) => all.indexOf(g) === i && !all.some((o, j) => j !== i && o !== g && o.includes(g)));
  const taken = best.department === department.trim();
  return (
    <div className="dispatch-suggestion transfer-proposal" data-testid="transfer-proposal">
      <strong>{t('dispatch.title')}</strong>
      {'：'}
      <span data-testid="transfer-proposal-department">{best.department}</span> <span className="muted">{pct(best.probability)}</span>
      {reasons.length > 0 && (
        <span className="dispatch-reason">
          {' '}
          {t('dispatch.because')}
          {reasons.map((g) => (
            <span key={g} className="badge">
              {g}
            </span>
          ))}
        </span>
      )}{' '}
      <button type="button" className="btn small" data-testid="transfer-proposal-take" disabled={taken} onClick={() => onTake(best.department)}>
        {taken ? t('dispatch.taken') : t('dispatch.accept')}
      </button>
    </div>
  );
}
