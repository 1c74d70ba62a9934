/**
 * 退费: tabs 待我审批 (supervisors and up), 全部 (the list with totals), and for
 * admins the authority settings. The tab is in the URL (#/refunds?tab=queue),
 * so a Today counter can link straight to the queue.
 */
import { useTranslation } from 'react-i18next';
import { navigate } from '../state/route';
import { useUser } from '../state/session';
import { ApprovalQueue } from './ApprovalQueue';
import { RefundSettingsForm } from './RefundSettingsForm';
import { RefundsList } from './RefundsList';
import '../styles/refunds.css';
import { mayCall } from '../lib/access';

type Tab = 'queue' | 'all' | 'settings';

export function RefundsPage({ params }: { params: URLSearchParams }) {
  const { t } = useTranslation();
  const user = useUser();
  const approver = mayCall(user.role, 'refunds/queue');
  const tabs: Tab[] = [...(approver ? (['queue'] as const) : []), 'all', ...(mayCall(user.role, 'refunds/saveSettings') ? (['settings'] as const) : [])];
  const asked = params.get('tab') as Tab | null;
  const tab: Tab = asked && tabs.includes(asked) ? asked : tabs[0]!;

  return (
    <section className="page refunds-page" aria-labelledby="refunds-page-title">
      <div className="page-head">
        <h1 id="refunds-page-title">{t('refunds.title')}</h1>
      </div>
      <div className="tabs" role="tablist">
        {tabs.map((x) => (
          <button key={x} type="button" role="tab" className="tab" aria-selected={x === tab} data-tab={x} onClick={() => navigate(`/refunds?tab=${x}`)}>
            {t(`refunds.tabs.${x}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" className="refunds-panel">
        {tab === 'queue' && <ApprovalQueue />}
        {tab === 'all' && <RefundsList />}
        {tab === 'settings' && <RefundSettingsForm />}
      </div>
    </section>
  );
}
