import { useTranslation } from 'react-i18next';
import { transportKind } from '../api/client';
import { formatClock } from '../lib/time';
import { useBranch } from '../state/session';
import { useNow } from '../state/useNow';

/** Branch, its zone and clock: the times on every screen are in this zone, not the workstation's. */
export function StatusStrip() {
  const { t } = useTranslation();
  const branch = useBranch();
  const now = useNow(1000);
  return (
    <footer className="strip">
      <span data-testid="branch-name">
        {t('strip.branch')}: {branch.branchName || t('strip.noBranch')}
        {branch.branchId && <span className="muted"> ({branch.branchId})</span>}
      </span>
      <span>
        {t('strip.zone')}: {branch.zone}
      </span>
      <span className="strip-spacer" />
      <span>{transportKind === 'desktop' ? t('strip.transportDesktop') : t('strip.transportWeb')}</span>
      <span className="clock" title={t('strip.clock')} data-testid="branch-clock">
        {formatClock(now, branch.zone)}
      </span>
    </footer>
  );
}
