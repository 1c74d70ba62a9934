/**
 * A 12580 delivery ticket's grade: the agent records the pick-up and delivery
 * times and what the customer reports; the compensation rules (core) say
 * 一级 or 二级, which sub-category it belongs in, and for a claim propose a
 * 赔付 entry, entered here with its amount and sent for approval like any refund.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { formatDateTime, fromLocalInput, toLocalInput } from '../lib/time';
import { amountFromText } from '../refunds/amount';
import { useBranch } from '../state/session';
import { useAction } from '../state/useAction';
import { useQuery } from '../state/useQuery';
import { DELIVERY_ISSUES, type DeliveryFacts, type DeliveryIssue } from '../../src-main/core/knowledge/delivery-grade';

const TIMES = ['pickupRequestedAt', 'pickupAgreedAt', 'pickedUpAt', 'promisedAt', 'deliveredAt'] as const;
type TimeField = (typeof TIMES)[number];

export function DeliveryPanel({ ticketId, onChanged }: { ticketId: number; onChanged?: () => void }) {
  const { t } = useTranslation();
  const { zone } = useBranch();
  const q = useQuery('delivery/get', { ticketId });
  const [times, setTimes] = useState<Record<TimeField, string>>(() => emptyTimes());
  const [issues, setIssues] = useState<DeliveryIssue[]>([]);
  const [amount, setAmount] = useState('');
  const { busy, msg: notice, setMsg: setNotice, run } = useAction();
  const data = q.data;

  useEffect(() => {
    if (!data) return;
    setTimes(Object.fromEntries(TIMES.map((f) => [f, data.facts[f] === null ? '' : toLocalInput(data.facts[f]!, zone)])) as Record<TimeField, string>);
    setIssues(data.facts.issues);
  }, [data, zone]);

  if (!data?.applies) return null;

  async function save(e: FormEvent) {
    e.preventDefault();
    const facts: DeliveryFacts = {
      ...(Object.fromEntries(TIMES.map((f) => [f, times[f] ? fromLocalInput(times[f], zone) : null])) as Record<TimeField, number | null>),
      issues,
    };
    const saved = await run(() => call('delivery/save', { ticketId, facts }), { ok: () => t('knowledge.delivery.saved') });
    if (!saved) return;
    q.set(saved);
    onChanged?.();
  }

  const grade = data.grade;
  const worst = grade.proposal ? t(`knowledge.delivery.finding.${grade.proposal.finding}`) : '';

  async function compensate(e: FormEvent) {
    e.preventDefault();
    const parsed = amountFromText(amount, t);
    if (parsed.fen === null) {
      setNotice({ kind: 'error', text: parsed.error });
      return;
    }
    const fen = parsed.fen;
    const created = await run(
      () =>
        call('refunds/create', {
          ticketId,
          type: 'compensation',
          amountFen: fen,
          reason: t('knowledge.delivery.proposalReason', { finding: worst }),
          submit: true,
          confirmDuplicate: false,
        }),
      { ok: () => t('knowledge.delivery.refundCreated') },
    );
    if (!created) return;
    setAmount('');
    onChanged?.();
  }

  return (
    <section className="panel delivery-panel" aria-labelledby="delivery-title" data-testid="delivery-panel">
      <h2 id="delivery-title">{t('knowledge.delivery.title')}</h2>
      <p className="hint">{t('knowledge.delivery.intro')}</p>
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      <div className={`delivery-grade grade-${grade.grade ?? 'none'}`} data-testid="delivery-grade">
        <strong>{t(`knowledge.delivery.grade.${grade.grade === null ? 'none' : (`g${grade.grade}` as const)}`)}</strong>
        {grade.findings.length > 0 && <span> · {grade.findings.map((f) => t(`knowledge.delivery.finding.${f}`)).join('、')}</span>}
        {grade.suggestedCategory && <div className="small">{t('knowledge.delivery.suggested', { category: grade.suggestedCategory })}</div>}
        {grade.seriouslyLateAfter !== null && (
          <div className="small muted">{t('knowledge.delivery.seriousAfter', { time: formatDateTime(grade.seriouslyLateAfter, zone) })}</div>
        )}
        {grade.lostAfter !== null && <div className="small muted">{t('knowledge.delivery.lostAfter', { time: formatDateTime(grade.lostAfter, zone) })}</div>}
      </div>
      <form className="delivery-form" onSubmit={(e) => void save(e)}>
        <div className="delivery-times">
          {TIMES.map((f) => (
            <Field key={f} label={t(`knowledge.delivery.${f}`)}>
              <input type="datetime-local" value={times[f]} onChange={(e) => setTimes((v) => ({ ...v, [f]: e.target.value }))} />
            </Field>
          ))}
        </div>
        <fieldset className="delivery-issues">
          <legend>{t('knowledge.delivery.issues')}</legend>
          {DELIVERY_ISSUES.map((i) => (
            <label key={i}>
              <input
                type="checkbox"
                checked={issues.includes(i)}
                onChange={(e) => setIssues((v) => (e.target.checked ? [...v, i] : v.filter((x) => x !== i)))}
              />{' '}
              {t(`knowledge.delivery.issue.${i}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="btn small" disabled={busy} data-testid="delivery-save">
          {t('knowledge.delivery.save')}
        </button>
      </form>
      {grade.proposal && (
        <form className="delivery-proposal" onSubmit={(e) => void compensate(e)} data-testid="delivery-proposal">
          <p>
            <strong>{t('knowledge.delivery.proposal', { finding: worst })}</strong>
          </p>
          <Field label={t('knowledge.delivery.amount')}>
            <input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
          </Field>
          <button type="submit" className="btn small primary" disabled={busy}>
            {t('knowledge.delivery.createRefund')}
          </button>
        </form>
      )}
    </section>
  );
}

function emptyTimes(): Record<TimeField, string> {
  return { pickupRequestedAt: '', pickupAgreedAt: '', pickedUpAt: '', promisedAt: '', deliveredAt: '' };
}
