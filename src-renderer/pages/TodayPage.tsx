/**
 * The start page: what needs doing now. The deadline tiles count tickets, each
 * by its worst clock, and each is the total of the list it opens; below them
 * the clocks that can still be saved (due within 2 h) and, apart from them,
 * the breached tickets. The status counters are each a tickets/list `total`
 * (limit 1). Every number is counted, none estimated — except the "likely to
 * miss" list, a forecast from the branch's history that says it is one.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketFilter } from '../api/types';
import { Alert } from '../components/Alert';
import { MAJOR_OR_ABOVE, OPEN_STATUSES } from '../../src-main/core/enums';
import { useDeadlineSummary } from '../shell/useDeadlineSummary';
import { useAlertsRevision } from '../state/deskEvents';
import { ticketsHref } from '../state/route';
import { useQuery } from '../state/useQuery';
import { useUser } from '../state/session';
import { AtRiskList } from './AtRiskList';
import { TeamPanel } from './TeamPanel';
import { LikelyToMissList } from './LikelyToMissList';
import { TodayNumbers } from '../reports/TodayNumbers';
import { mayCall } from '../lib/access';
import { GetStarted } from './GetStarted';
import { DemoNote } from './DemoNote';

function CounterLink({ label, value, href, testId, tone }: { label: string; value: number | undefined; href: string; testId: string; tone?: string }) {
  const { t } = useTranslation();
  return (
    <a className={`counter${tone && value ? ` tone-${tone}` : ''}`} href={href} title={t('today.counterHint')} data-testid={testId}>
      <span className="counter-label">{label}</span>
      <span className="counter-value" data-value={value ?? ''}>
        {value?.toLocaleString() ?? '…'}
      </span>
    </a>
  );
}

function StatusCounter({ label, filter, href, testId }: { label: string; filter: TicketFilter; href: string; testId: string }) {
  const revision = useAlertsRevision();
  const q = useQuery('tickets/list', { limit: 1, filter }, revision);
  return <CounterLink label={label} value={q.data?.total} href={href} testId={testId} />;
}

/** 待审批: refunds this supervisor or manager may decide (agents approve nothing, so they see no counter). */
function ApprovalsCounter() {
  const { t } = useTranslation();
  const revision = useAlertsRevision();
  const q = useQuery('refunds/queueCount', {}, revision);
  return <CounterLink label={`¥ ${t('today.awaitingMe')}`} value={q.data?.count} href="#/refunds" testId="count-approvals" tone="warn" />;
}

export function TodayPage() {
  const { t } = useTranslation();
  const revision = useAlertsRevision();
  const summary = useDeadlineSummary();
  // The summary is shared by the whole shell: read it afresh whenever Today opens.
  const { reload } = summary;
  useEffect(reload, [reload]);
  // The lists reload with the tiles, so the two never disagree for long.
  const listKey = `${revision}-${summary.data ? JSON.stringify(summary.data.counts) : ''}`;
  const counts = summary.data?.counts;
  const user = useUser();
  // An empty database: say how to begin instead of a page of zeros.
  const any = useQuery('tickets/list', { limit: 1 }, revision);
  return (
    <section className="page today" aria-labelledby="today-title">
      <h1 id="today-title">{t('today.title')}</h1>
      {any.data?.total === 0 && <GetStarted onLoaded={() => window.location.reload()} />}
      <DemoNote refresh={revision} />
      <h2 className="section-title">{t('today.deadlines')}</h2>
      {summary.error && <Alert kind="error">{summary.error}</Alert>}
      <p className="hint" data-testid="tiles-hint">{t('today.tilesHint')}</p>
      <div className="counters">
        <CounterLink label={`✕ ${t('today.breached')}`} value={counts?.breached} href={ticketsHref({ chips: 'breached' })} testId="count-breached" tone="breached" />
        <CounterLink label={`◷ ${t('today.within2h')}`} value={counts?.dueWithin2h} href={ticketsHref({ deadline: 'within2h' })} testId="count-within2h" tone="warn" />
        <CounterLink label={`! ${t('today.approaching')}`} value={counts?.approaching} href={ticketsHref({ deadline: 'approaching' })} testId="count-approaching" tone="warn" />
        {mayCall(user.role, 'refunds/queueCount') && <ApprovalsCounter />}
        <CounterLink label={`▲ ${t('warnings.today')}`} value={summary.data?.newWarnings} href="#/warnings?state=pending" testId="count-warnings" tone="warn" />
      </div>
      <AtRiskList which="within2h" refresh={listKey} href={ticketsHref({ deadline: 'within2h' })} />
      <AtRiskList which="breached" refresh={listKey} href={ticketsHref({ chips: 'breached' })} />
      <LikelyToMissList refresh={listKey} />
      <h2 className="section-title">{t('today.byStatus')}</h2>
      <div className="counters">
        {OPEN_STATUSES.map((s) => (
          <StatusCounter key={s} label={t(`status.${s}`)} filter={{ status: [s] }} href={ticketsHref({ status: s })} testId={`count-${s}`} />
        ))}
        <StatusCounter label={t('today.openTotal')} filter={{ open: true }} href={ticketsHref({ chips: 'open' })} testId="count-open" />
        <StatusCounter
          label={t('today.majorOpen')}
          filter={{ open: true, level: [...MAJOR_OR_ABOVE] }}
          href={ticketsHref({ chips: 'open,major' })}
          testId="count-major"
        />
        <StatusCounter label={t('today.repeatOpen')} filter={{ open: true, repeat: true }} href={ticketsHref({ chips: 'open,repeat' })} testId="count-repeat" />
      </div>
      {mayCall(user.role, 'tickets/workload') && <TeamPanel refresh={listKey} />}
      <h2 className="section-title">{t('reports.today.title')}</h2>
      <TodayNumbers refresh={revision} />
    </section>
  );
}
