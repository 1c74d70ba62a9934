/**
 * Which screen the console is on: first start, login, or the app itself.
 * Decided only by auth/status and by calls refused as locked/unauthenticated.
 */
import { useTranslation } from 'react-i18next';
import { Alert } from './components/Alert';
import { LoginPage } from './pages/LoginPage';
import { SetupPage } from './pages/SetupPage';
import { AppShell } from './shell/AppShell';
import { SessionProvider, useSession } from './state/session';

function Screen() {
  const { t } = useTranslation();
  const { status, loadError, reload } = useSession();
  if (loadError) {
    return (
      <div className="auth-page">
        <main className="auth-card">
          <h1>{t('app.title')}</h1>
          <Alert kind="error">{loadError}</Alert>
          <button type="button" className="btn" onClick={reload}>
            {t('common.reload')}
          </button>
        </main>
      </div>
    );
  }
  if (!status) return <div className="boot">{t('app.connecting')}</div>;
  if (status.needsSetup) return <SetupPage />;
  if (!status.user) return <LoginPage />;
  return <AppShell key={status.user.id} />;
}

export function App() {
  return (
    <SessionProvider>
      <Screen />
    </SessionProvider>
  );
}
