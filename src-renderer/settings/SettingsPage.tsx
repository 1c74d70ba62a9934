import { useTranslation } from 'react-i18next';
import { Alert } from '../components/Alert';
import { navigate, useRoute } from '../state/route';
import { useUser } from '../state/session';
import { BranchForm } from './BranchForm';
import { SlaPolicySection } from './sla/SlaPolicySection';
import { UsersSection } from './UsersSection';
import { HealthSection } from '../health/HealthSection';
import { AuditSection } from './AuditSection';
import { BreachCausesSection } from './BreachCausesSection';
import { OwnPasswordSection } from './OwnPasswordSection';
import { ListsSection } from './lists/ListsSection';
import { DemoSection } from './DemoSection';
import { mayCall } from '../lib/access';

/**
 * Tabs, the tab in the URL (#/settings?tab=sla): 基本设置 (branch,
 * accounts, demo data; admin only), 基础列表 (departments, cities, districts
 * and the import review list; admin only), 处理时限 (the SLA policy; everyone
 * reads it, only an admin changes it), 超时原因 (the breach causes; everyone
 * reads them, a supervisor or admin changes them) and 审计日志 (admin only).
 */
export function SettingsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const route = useRoute();
  const asked = route.name === 'section' ? route.params.get('tab') : null;
  const audit = mayCall(user.role, 'audit/list');
  const keepsLists = mayCall(user.role, 'lists/add');
  const tab = asked === 'sla' || asked === 'causes' || (asked === 'audit' && audit) || (asked === 'lists' && keepsLists) ? asked : 'general';
  const tabs = [
    'general',
    ...(keepsLists ? (['lists'] as const) : []),
    'sla',
    'causes',
    ...(audit ? (['audit'] as const) : []),
  ] as const;
  const label = (x: string) =>
    x === 'sla' ? t('sla.tab') : x === 'causes' ? t('qc.causes.tab') : x === 'audit' ? t('audit.tab') : x === 'lists' ? t('lists.tab') : t('sla.tabGeneral');
  return (
    <section className="page settings" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <div className="tabs" role="tablist">
        {tabs.map((x) => (
          <button key={x} type="button" role="tab" className="tab" aria-selected={x === tab} data-tab={x} onClick={() => navigate(x === 'general' ? '/settings' : `/settings?tab=${x}`)}>
            {label(x)}
          </button>
        ))}
      </div>
      <div role="tabpanel" className="settings-panel">
        {tab === 'sla' ? (
          <SlaPolicySection />
        ) : tab === 'causes' ? (
          <BreachCausesSection />
        ) : tab === 'lists' ? (
          <ListsSection />
        ) : tab === 'audit' ? (
          <AuditSection />
        ) : !mayCall(user.role, 'settings/branch') ? (
          <div className="settings-grid">
            <Alert kind="info">{t('settings.adminOnly')}</Alert>
            <OwnPasswordSection />
          </div>
        ) : (
          <div className="settings-grid">
            <BranchForm />
            <DemoSection />
            <UsersSection />
            <OwnPasswordSection />
            <HealthSection />
          </div>
        )}
      </div>
    </section>
  );
}
