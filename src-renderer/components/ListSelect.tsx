/**
 * A choice from one of the administrator's lists (departments, cities,
 * districts) instead of free text: the active values, and the current value
 * when it has since been retired (marked, so an edit that keeps it still
 * shows it). Blank means "not given".
 */
import { useTranslation } from 'react-i18next';
import type { ListKind } from '../api/types';
import { useMeta } from '../state/meta';

interface Props {
  kind: ListKind;
  value: string;
  onChange(value: string): void;
  /** The words of the blank choice (default: 未选择). */
  blank?: string;
  id?: string;
  'aria-label'?: string;
  'data-field'?: string;
  autoFocus?: boolean;
}

export function ListSelect({ kind, value, onChange, blank, ...rest }: Props) {
  const { t } = useTranslation();
  const { lists } = useMeta();
  const values = lists[kind];
  const active = values.filter((v) => v.active).map((v) => v.name);
  const keptRetired = value !== '' && !active.includes(value);
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} data-list={kind} {...rest}>
      <option value="">{blank ?? t('lists.none')}</option>
      {keptRetired && <option value={value}>{t('lists.retiredOption', { name: value })}</option>}
      {active.map((name) => (
        <option key={name} value={name}>
          {name}
        </option>
      ))}
    </select>
  );
}
