/**
 * 导入待核对: cities and districts imports brought that the lists do not
 * have. Each is mapped to a value of the list (retired ones too: an old row
 * may rightly carry one) or added to the list as written; its tickets then
 * get the value.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { ListReview } from '../../api/types';
import { Alert } from '../../components/Alert';
import { useMeta } from '../../state/meta';
import { useAction } from '../../state/useAction';
import { useQuery } from '../../state/useQuery';

export function ReviewList() {
  const { t } = useTranslation();
  const reviews = useQuery('lists/reviews', {});
  const { busy, msg, run } = useAction();
  const { reloadLists } = useMeta();

  async function resolve(r: ListReview, answer: { mapTo: string } | { addAs: string }) {
    const out = await run(() => call('lists/resolveReview', { id: r.id, ...answer }), {
      ok: (x) => t('lists.mapped', { raw: r.raw, to: x.review.resolvedTo ?? '', count: x.tickets }),
    });
    if (!out) return;
    reviews.reload();
    reloadLists();
  }

  const open = reviews.data ?? [];
  return (
    <section className="panel span-all" aria-labelledby="review-title" data-testid="list-reviews">
      <h2 id="review-title">{t('lists.reviewTitle')}</h2>
      <p className="muted">{t('lists.reviewIntro')}</p>
      {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
      {open.length === 0 ? (
        <p className="muted">{t('lists.reviewNone')}</p>
      ) : (
        <table className="table compact">
          <thead>
            <tr>
              <th>{t('lists.raw')}</th>
              <th>{t('lists.list')}</th>
              <th>{t('lists.rows')}</th>
              <th>{t('lists.source')}</th>
              <th>{t('lists.mapTo')}</th>
            </tr>
          </thead>
          <tbody>
            {open.map((r) => (
              <ReviewRow key={r.id} review={r} busy={busy} onResolve={(a) => void resolve(r, a)} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ReviewRow({ review, busy, onResolve }: { review: ListReview; busy: boolean; onResolve: (a: { mapTo: string } | { addAs: string }) => void }) {
  const { t } = useTranslation();
  const { lists } = useMeta();
  const [to, setTo] = useState('');
  return (
    <tr data-raw={review.raw}>
      <td>{review.raw}</td>
      <td>{t(`lists.kind.${review.kind}`)}</td>
      <td>{review.tickets}</td>
      <td>{review.source ?? ''}</td>
      <td>
        <div className="cell-actions">
          <select value={to} onChange={(e) => setTo(e.target.value)} aria-label={`${t('lists.mapTo')} ${review.raw}`}>
            <option value="">{t('lists.pick')}</option>
            {lists[review.kind].map((v) => (
              <option key={v.id} value={v.name}>
                {v.active ? v.name : t('lists.retiredOption', { name: v.name })}
              </option>
            ))}
          </select>
          <button type="button" className="btn small primary" disabled={busy || !to} onClick={() => onResolve({ mapTo: to })}>
            {t('lists.map')}
          </button>
          <button type="button" className="btn small" disabled={busy} onClick={() => onResolve({ addAs: review.raw })}>
            {t('lists.addAsIs')}
          </button>
        </div>
      </td>
    </tr>
  );
}
