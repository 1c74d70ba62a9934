import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import type { Section } from '../state/route';

/** A section whose back end does not exist yet: say so plainly, no mock data. */
export function ComingSoonPage({ section }: { section: Section }) {
  const { t } = useTranslation();
  return (
    <section className="page soon" data-testid="coming-soon">
      <Icon name={section} size={40} />
      <h1>{t('soon.title', { section: t(`nav.${section}`) })}</h1>
      <p>{t('soon.body')}</p>
      <a className="btn" href="#/tickets">
        {t('soon.goTickets')}
      </a>
    </section>
  );
}
