/**
 * Today's "likely to miss": tickets not yet warned whose estimate from the
 * branch's own history finishes past the resolution limit, each with the
 * reason (the share of like tickets at this stage that went on to miss, and
 * the time left), the estimated
 * finish and the share of like tickets that missed. An estimate, and labelled so.
 * Sent after the page's other calls (useAfterFirstCalls), so it never holds them up.
 */
import { useTranslation } from 'react-i18next';
import { Alert } from '../components/Alert';
import { formatDateTime } from '../lib/time';
import { ticketHref } from '../state/route';
import { useBranch } from '../state/session';
import { useQuery } from '../state/useQuery';
import { useAfterFirstCalls } from '../state/useAfterFirstCalls';

const SHOWN = 20;

export function LikelyToMissList({ refresh }: { refresh: unknown }) {
  const { t, i18n } = useTranslation();
  const { zone } = useBranch();
  // Asked after the page's tiles and lists: it reads the history (the slowest call of the page), and the numbers should not wait behind it.
  const after = useAfterFirstCalls();
  const q = useQuery('deadlines/likelyToMiss', after ? { limit: SHOWN, locale: i18n.language === 'en' ? 'en' : 'zh-CN' } : null, refresh);
  return (
    <section className="at-risk" aria-labelledby="likely-to-miss-title">
      <h2 className="section-title" id="likely-to-miss-title">
        {t('today.list.likely.title')}
        {q.data && (
          <span className="section-count" data-testid="likely-to-miss-total" data-value={q.data.total}>
            {t('today.list.total', { count: q.data.total })}
          </span>
        )}
      </h2>
      <p className="hint">{t('today.list.likely.hint')}</p>
      {q.error && <Alert kind="error">{q.error}</Alert>}
      {q.data && q.data.rows.length === 0 && (
        <p className="empty" data-testid="likely-to-miss">
          {t('today.list.likely.empty')}
        </p>
      )}
      {q.data && q.data.rows.length > 0 && (
        <div className="table-wrap" data-testid="likely-to-miss">
          <table className="table">
            <thead>
              <tr>
                <th>{t('tickets.col.ticketNo')}</th>
                <th>{t('today.list.likely.reason')}</th>
                <th title={t('today.list.likely.finishHint')}>{t('today.list.likely.finish')}</th>
                <th>{t('today.due')}</th>
                <th>{t('today.list.likely.risk')}</th>
              </tr>
            </thead>
            <tbody>
              {q.data.rows.map((r) => (
                <tr key={r.ticketId} data-ticket-no={r.ticketNo}>
                  <td>
                    <a href={ticketHref(r.ticketId)}>{r.ticketNo}</a>
                  </td>
                  <td>{r.reason}</td>
                  <td className="num">{formatDateTime(r.finishAt, zone)}</td>
                  <td className="num">{formatDateTime(r.dueAt, zone)}</td>
                  <td className="num" title={t('today.list.likely.riskHint', { peers: r.peers })}>
                    {Math.round(r.missRisk * 100)} %
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
