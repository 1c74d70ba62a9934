/** The two-level category tree as two selects: 一级 then 二级 (when the first has children). */
import { useTranslation } from 'react-i18next';
import type { Category } from '../api/types';
import { Field } from '../components/Field';

interface Props {
  categories: Category[];
  topId: number | null;
  childId: number | null;
  onChange(topId: number | null, childId: number | null): void;
  topError?: string | undefined;
  childError?: string | undefined;
}

export function childrenOf(categories: Category[], parentId: number | null): Category[] {
  return categories.filter((c) => c.parentId === parentId);
}

export function CategorySelect({ categories, topId, childId, onChange, topError, childError }: Props) {
  const { t } = useTranslation();
  const tops = childrenOf(categories, null);
  const kids = topId === null ? [] : childrenOf(categories, topId);
  return (
    <>
      <Field label={t('newTicket.category')} error={topError} required>
        <select value={topId ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null, null)}>
          <option value="">{t('newTicket.pickCategory')}</option>
          {tops.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('newTicket.subcategory')} error={childError} required={kids.length > 0}>
        <select value={childId ?? ''} disabled={kids.length === 0} onChange={(e) => onChange(topId, e.target.value ? Number(e.target.value) : null)}>
          <option value="">{kids.length ? t('newTicket.pickCategory') : t('common.none')}</option>
          {kids.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}
