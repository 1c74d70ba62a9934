/** A duration typed as hours and minutes: two small numeric boxes with their units written beside them. */
import { useTranslation } from 'react-i18next';
import type { HM } from './draft';

interface Props {
  value: HM;
  onChange(v: HM): void;
  /** Accessible name of the pair, e.g. "10086-normal 办结"; each box adds its unit. */
  label: string;
  path: string;
  invalid?: boolean;
  describedBy?: string | undefined;
}

export function HMInput({ value, onChange, label, path, invalid, describedBy }: Props) {
  const { t } = useTranslation();
  const common = {
    inputMode: 'numeric' as const,
    autoComplete: 'off',
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy,
    onFocus: (e: { currentTarget: HTMLInputElement }) => e.currentTarget.select(),
  };
  return (
    <span className={`hm${invalid ? ' invalid' : ''}`} data-path={path}>
      <input
        {...common}
        className="hm-h num"
        data-unit="h"
        value={value.h}
        maxLength={4}
        aria-label={`${label} ${t('sla.hours')}`}
        onChange={(e) => onChange({ ...value, h: e.target.value })}
      />
      <span className="hm-unit" aria-hidden="true">
        {t('sla.h')}
      </span>
      <input
        {...common}
        className="hm-m num"
        data-unit="m"
        value={value.m}
        maxLength={2}
        aria-label={`${label} ${t('sla.minutes')}`}
        onChange={(e) => onChange({ ...value, m: e.target.value })}
      />
      <span className="hm-unit" aria-hidden="true">
        {t('sla.m')}
      </span>
    </span>
  );
}
