/** The four roles, by their names in the reader's language (creating an account and editing one). */
import type { SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../src-main/core/enums';

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & { value: Role; onChange(r: Role): void };

/** Other attributes (Field's id and aria wiring, disabled) pass to the <select>. */
export function RoleSelect({ value, onChange, ...rest }: Props) {
  const { t } = useTranslation();
  return (
    <select value={value} onChange={(e) => onChange(e.target.value as Role)} {...rest}>
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {t(`role.${r}`)}
        </option>
      ))}
    </select>
  );
}
