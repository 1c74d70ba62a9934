/**
 * A column filter over a fixed code list (status, channel) as checkboxes. The
 * community edition has no set filter; this one hands the grid a model
 * `{ values: [...] }`, which the datasource turns into the SQL filter object.
 */
import { useTranslation } from 'react-i18next';
import { useGridFilter, type CustomFilterProps } from 'ag-grid-react';
import type { TicketRow } from '../api/types';

export interface CodeSetModel {
  values: string[];
}

export interface CodeSetParams {
  codes: readonly string[];
  label(code: string): string;
  testId: string;
}

type Props = CustomFilterProps<TicketRow, unknown, CodeSetModel> & CodeSetParams;

export function CodeSetFilter({ model, onModelChange, codes, label, testId }: Props) {
  const { t } = useTranslation();
  // Filtering happens in SQL; the grid never asks rows of the infinite model to pass.
  useGridFilter({ doesFilterPass: () => true });
  const chosen = new Set(model?.values ?? []);

  function toggle(code: string) {
    const next = new Set(chosen);
    if (next.has(code)) next.delete(code);
    else next.add(code);
    onModelChange(next.size ? { values: codes.filter((c) => next.has(c)) } : null);
  }

  return (
    <div className="code-filter" data-testid={testId}>
      {codes.map((code) => (
        <label key={code} className="check">
          <input type="checkbox" checked={chosen.has(code)} onChange={() => toggle(code)} />
          {label(code)}
        </label>
      ))}
      <button type="button" className="btn small" onClick={() => onModelChange(null)} disabled={chosen.size === 0}>
        {t('tickets.filterClear')}
      </button>
    </div>
  );
}
