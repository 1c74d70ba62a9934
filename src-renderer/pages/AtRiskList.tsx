/**
 * One of Today's deadline lists (the breached tickets, or those with a clock
 * due within 2 h): its first 20 tickets, each with its clock, and how many
 * there are in all — the same number as its tile — with a link to the rest.
 */
import { useTranslation } from 'react-i18next';
import { Alert } from '../components/Alert';
import { useQuery } from '../state/useQuery';
import { DueNextList } from './DueNextList';

const SHOWN = 20;

export function AtRiskList({ which, refresh, href }: { which: 'breached' | 'within2h'; refresh: unknown; href: string }) {
  const { t } = useTranslation();
  const q = useQuery('deadlines/atRisk', { which, limit: SHOWN }, refresh);
  const testId = which === 'breached' ? 'breached-list' : 'save-first';
  return (
    <section className="at-risk" aria-labelledby={`${testId}-title`}>
      <h2 className="section-title" id={`${testId}-title`}>
        {t(`today.list.${which}.title`)}
        {q.data && (
          <span className="section-count" data-testid={`${testId}-total`} data-value={q.data.total}>
            {t('today.list.total', { count: q.data.total })}
          </span>
        )}
      </h2>
      <p className="hint">{t(`today.list.${which}.hint`)}</p>
      {q.error && <Alert kind="error">{q.error}</Alert>}
      {q.data && <DueNextList clocks={q.data.rows} label={t(`today.list.${which}.title`)} testId={testId} empty={t(`today.list.${which}.empty`)} />}
      {q.data && q.data.total > q.data.rows.length && (
        <a className="more-link" href={href} data-testid={`${testId}-more`}>
          {t('today.list.more', { shown: q.data.rows.length, count: q.data.total })}
        </a>
      )}
    </section>
  );
}
