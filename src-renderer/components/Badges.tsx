/**
 * Level and status as badges. Each carries its word (and, for level, a shape),
 * so colour is never the only signal.
 */
import { useTranslation } from 'react-i18next';
import type { Channel, Level, Status } from '../api/types';

const LEVEL_MARK: Record<Level, string> = { normal: '', major: '▲', overlevel: '▲▲' };

export function LevelBadge({ level }: { level: Level }) {
  const { t } = useTranslation();
  return (
    <span className={`badge level-${level}`} data-level={level}>
      {LEVEL_MARK[level] && <span aria-hidden="true">{LEVEL_MARK[level]} </span>}
      {t(`level.${level}`)}
    </span>
  );
}

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <span className={`badge status-${status}`} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}

export function ChannelLabel({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  return <span className="channel">{t(`channel.${channel}`)}</span>;
}

export function FlagBadges({ repeat, collective }: { repeat: boolean; collective: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {repeat && <span className="badge flag-repeat">↻ {t('ticket.repeat')}</span>}
      {collective && <span className="badge flag-collective">⧉ {t('ticket.collective')}</span>}
    </>
  );
}

/** A demo ticket (设置 → 演示数据) says so wherever it is named, so it is never taken for a real complaint. */
export function DemoBadge() {
  const { t } = useTranslation();
  return (
    <span className="badge flag-demo" data-testid="demo-badge" title={t('ticket.demoHint')}>
      {t('ticket.demo')}
    </span>
  );
}
