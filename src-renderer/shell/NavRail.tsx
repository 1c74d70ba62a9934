import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import type { Section } from '../state/route';

export const NAV_ITEMS: readonly Section[] = ['today', 'tickets', 'refunds', 'reports', 'warnings', 'projects', 'hq', 'knowledge', 'settings'];

/** The left rail: icon above word, the current section marked by a bar and aria-current. */
export function NavRail({ active }: { active: Section }) {
  const { t } = useTranslation();
  return (
    <nav className="rail" aria-label={t('nav.label')}>
      <div className="rail-brand" aria-hidden="true">
        投
      </div>
      <ul>
        {NAV_ITEMS.map((s) => (
          <li key={s}>
            <a href={`#/${s}`} className="rail-item" aria-current={s === active ? 'page' : undefined} data-nav={s}>
              <Icon name={s} size={20} />
              <span>{t(`nav.${s}`)}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
