import { Suspense, lazy, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { ComingSoonPage } from '../pages/ComingSoonPage';
import { NewTicketPage } from '../pages/NewTicketPage';
import { TicketPage } from '../pages/TicketPage';
import { TicketsPage } from '../pages/TicketsPage';
import { TodayPage } from '../pages/TodayPage';
import { RefundsPage } from '../refunds/RefundsPage';
import { SettingsPage } from '../settings/SettingsPage';
import { HqPage } from '../hq/HqPage';
import { KnowledgePage } from '../knowledge/KnowledgePage';
import { DeskEventsProvider } from '../state/deskEvents';
import { MetaProvider } from '../state/meta';
import { DeadlineSummaryProvider } from '../state/deadlineSummary';
import { AlertNotice } from './AlertNotice';
import { ReminderNotice } from './ReminderNotice';
import { WarningNotice } from './WarningNotice';
import { useRoute, type Route, type Section } from '../state/route';
import { useSession } from '../state/session';
import { useIdleLock } from '../state/useIdleLock';
import { NavRail } from './NavRail';
import { StatusStrip } from './StatusStrip';
import { TopBar } from './TopBar';
import { ImportPage } from '../pages/import/ImportPage';
import { HealthBanner } from '../health/HealthBanner';

// The reports page brings the charts library: loaded only when opened.
const ReportsPage = lazy(() => import('../reports/ReportsPage'));
// So does the warnings page (its 12-month charts).
const WarningsPage = lazy(() => import('../warnings/WarningsPage'));
// And the improvement projects (the KPI's chart).
const QcProjectsPage = lazy(() => import('../qc-projects/QcProjectsPage'));

function sectionOf(route: Route): Section {
  return route.name === 'section' ? route.section : 'tickets';
}

function Content({ route }: { route: Route }) {
  if (route.name === 'ticket') return <TicketPage key={route.id} id={route.id} />;
  if (route.name === 'newTicket') return <NewTicketPage />;
  if (route.name === 'importTickets') return <ImportPage />;
  switch (route.section) {
    case 'today':
      return <TodayPage />;
    case 'tickets':
      return <TicketsPage params={route.params} />;
    case 'refunds':
      return <RefundsPage params={route.params} />;
    case 'reports':
      return (
        <Suspense fallback={null}>
          <ReportsPage params={route.params} />
        </Suspense>
      );
    case 'warnings':
      return (
        <Suspense fallback={null}>
          <WarningsPage params={route.params} />
        </Suspense>
      );
    case 'projects':
      return (
        <Suspense fallback={null}>
          <QcProjectsPage params={route.params} />
        </Suspense>
      );
    case 'hq':
      return <HqPage />;
    case 'settings':
      return <SettingsPage />;
    case 'knowledge':
      return <KnowledgePage params={route.params} />;
    default:
      return <ComingSoonPage section={route.section} />;
  }
}

export function AppShell() {
  const { t } = useTranslation();
  const route = useRoute();
  const { status, endSession } = useSession();
  const onIdle = useCallback(() => {
    void call('auth/logout', {}).catch(() => undefined);
    endSession(t('auth.lockedIdle'));
  }, [endSession, t]);
  useIdleLock(status?.lockAfterMinutes ?? 15, onIdle);

  const query = route.name === 'section' && route.section === 'tickets' ? (route.params.get('q') ?? '') : '';
  return (
    <DeskEventsProvider>
      <DeadlineSummaryProvider>
      <MetaProvider>
        <div className="shell">
          <button type="button" className="skip" onClick={() => document.getElementById('main')?.focus()}>
            {t('app.skip')}
          </button>
          <NavRail active={sectionOf(route)} />
          <TopBar initialQuery={query} />
          <main id="main" className="content" tabIndex={-1}>
            <HealthBanner />
            <Content route={route} />
          </main>
          {/* One column of notices at the bottom right, newest kinds above: each keeps its place instead of covering another. */}
          <div className="notices">
            <WarningNotice />
            <ReminderNotice />
            <AlertNotice />
          </div>
          <StatusStrip />
        </div>
      </MetaProvider>
      </DeadlineSummaryProvider>
    </DeskEventsProvider>
  );
}
