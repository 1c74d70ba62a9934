import { useTranslation } from 'react-i18next';
import { LOCALES, setLocale, type Locale } from '../i18n';
import { Icon } from './Icon';

/** 中文 / English, remembered on this workstation. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="lang-switch" title={t('lang.label')}>
      <Icon name="globe" size={16} />
      <span className="sr-only">{t('lang.label')}</span>
      <select value={i18n.language} onChange={(e) => void setLocale(e.target.value as Locale)} aria-label={t('lang.label')}>
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {t(`lang.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
