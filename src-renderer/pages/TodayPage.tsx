/**
 * The start page, with what the backend can answer today: open tickets by
 * status (each count read from the list's `total`, nothing estimated) and the
 * oldest open tickets. Deadline counters arrive with the timeout monitor.
 */
import { useTranslation } from 'react-i18next';
import type { TicketFilter } from '../api/types';
import { Alert } from '../components/Alert';
import { OPEN_STATUSES } from '../lib/codes';
import { ticketsHref } from '../state/route';
import { useQuery } from '../state/useQuery';
import { OldestOpenList } from './OldestOpenList';

function Counter({ label, filter, href, testId }: { label: string; filter: TicketFilter; href: string; testId: string }) {
  const { t } = useTranslation();
  const q = useQuery('tickets/list', { limit: 1, filter });
  return (
    <a className="counter" href={href} title={t('today.counterHint')} data-testid={testId}>
      <span className="counter-label">{label}</span>
      <span className="counter-value" data-value={q.data?.total ?? ''}>
        {q.error ? '!' : (q.data?.total.toLocaleString() ?? '…')}
      </span>
    </a>
  );
}

export function TodayPage() {
  const { t } = useTranslation();
  const oldest = useQuery('tickets/list', { limit: 20, sort: { field: 'receivedAt', dir: 'asc' }, filter: { open: true } });
  return (
    <section className="page today" aria-labelledby="today-title">
      <h1 id="today-title">{t('today.title')}</h1>
      <h2 className="section-title">{t('today.byStatus')}</h2>
      <div className="counters">
        {OPEN_STATUSES.map((s) => (
          <Counter key={s} label={t(`status.${s}`)} filter={{ status: [s] }} href={ticketsHref({ status: s })} testId={`count-${s}`} />
        ))}
        <Counter label={t('today.openTotal')} filter={{ open: true }} href={ticketsHref({ chips: 'open' })} testId="count-open" />
        <Counter
          label={t('today.majorOpen')}
          filter={{ open: true, level: ['major', 'overlevel'] }}
          href={ticketsHref({ chips: 'open,major' })}
          testId="count-major"
        />
        <Counter label={t('today.repeatOpen')} filter={{ open: true, repeat: true }} href={ticketsHref({ chips: 'open,repeat' })} testId="count-repeat" />
      </div>
      <h2 className="section-title">{t('today.oldest')}</h2>
      <p className="hint">{t('today.oldestHint')}</p>
      {oldest.error && <Alert kind="error">{oldest.error}</Alert>}
      {oldest.data && <OldestOpenList rows={oldest.data.rows} />}
    </section>
  );
}
