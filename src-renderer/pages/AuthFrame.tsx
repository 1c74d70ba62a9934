import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch';

/** The calm centred card the login and first-start screens share. */
export function AuthFrame({ title, subtitle, children, wide }: { title: string; subtitle?: string | undefined; children: ReactNode; wide?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="auth-page">
      <div className="auth-top">
        <span className="brand">{t('app.title')}</span>
        <LanguageSwitch />
      </div>
      <main className={`auth-card${wide ? ' wide' : ''}`}>
        <h1>{title}</h1>
        {subtitle && <p className="auth-subtitle">{subtitle}</p>}
        {children}
      </main>
    </div>
  );
}
