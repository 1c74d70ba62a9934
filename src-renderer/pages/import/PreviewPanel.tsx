import { useState } from 'react';
import { IMPORT_FIELDS, type ImportField } from '../../../src-main/core/import/types';
import type { OutputOf } from '../../api/types';
import { Alert } from '../../components/Alert';
import { useTranslation } from 'react-i18next';

type Preview = OutputOf<'import/preview'>;

/** What the file is, which column became which field, and the first rows with their problems. */
export function PreviewPanel({ preview, onSheet, onMap }: { preview: Preview; onSheet: (sheet: string) => void; onMap: (mapping: Record<string, ImportField | null>) => void }) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<Record<string, ImportField | null>>({});
  const taken = new Set(preview.columns.map((c) => c.field).filter((f): f is ImportField => f !== null));
  const unknown = preview.columns.filter((c) => c.field === null && c.header !== '');
  const width = preview.columns.length;
  const kind = [
    t(`import.format.${preview.format}`),
    preview.encoding ? t(`import.encoding.${preview.encoding}`) : null,
    preview.delimiter ? t(`import.delimiter.${preview.delimiter}`) : null,
    t('import.headerLine', { line: preview.headerLine }),
  ].filter(Boolean);
  return (
    <section className="import-preview" aria-label={t('import.mapping')}>
      <p className="import-kind" data-testid="import-kind">
        {kind.join(' · ')}
        {preview.sheets.length > 1 && (
          <label className="import-sheet">
            {t('import.sheet')}
            <select value={preview.sheet ?? ''} onChange={(e) => onSheet(e.target.value)}>
              {preview.sheets.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        )}
      </p>

      {preview.missing.length > 0 && (
        <Alert kind="error" testId="import-missing">
          {t('import.missing', { fields: preview.missing.map((f) => t(`import.fields.${f}`)).join(t('import.listSeparator')) })}
        </Alert>
      )}

      <h2 className="section-title">{t('import.mapping')}</h2>
      <ul className="import-mapping" data-testid="import-mapping" aria-label={`${t('import.fileColumn')} → ${t('import.field')}`}>
        {preview.columns.map((c) => (
          <li key={c.index} className={c.field ? undefined : 'import-unused'}>
            <span className="import-from">{c.header || `#${c.index + 1}`}</span>
            {c.field ? (
              <span>
                → {t(`import.fields.${c.field}`)}
                {c.chosen ? ` ${t('import.chosen')}` : ''}
              </span>
            ) : (
              <span>— {t('import.unused')}</span>
            )}
          </li>
        ))}
      </ul>
      {unknown.length > 0 && (
        <div className="import-map-unknown" data-testid="import-map">
          <p className="hint">{t('import.mapHint')}</p>
          {unknown.map((c) => (
            <label key={c.index} className="import-map-row">
              <span className="import-from">{c.header}</span> →{' '}
              <select
                value={choice[c.header] ?? ''}
                aria-label={t('import.mapColumn', { header: c.header })}
                onChange={(e) => setChoice({ ...choice, [c.header]: (e.target.value || null) as ImportField | null })}
              >
                <option value="">{t('import.unused')}</option>
                {IMPORT_FIELDS.filter((f) => !taken.has(f) || choice[c.header] === f).map((f) => (
                  <option key={f} value={f}>
                    {t(`import.fields.${f}`)}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <button type="button" className="btn small primary" disabled={!Object.values(choice).some(Boolean)} onClick={() => onMap(choice)} data-testid="import-map-save">
            {t('import.mapSave')}
          </button>
        </div>
      )}

      <h2 className="section-title">{t('import.firstRows', { n: preview.rows.length })}</h2>
      <div className="table-wrap import-rows">
        <table className="table compact" data-testid="import-rows">
          <thead>
            <tr>
              <th scope="col">{t('import.line')}</th>
              <th scope="col">{t('import.problems')}</th>
              {preview.columns.map((c) => (
                <th key={c.index} scope="col" className={c.field ? undefined : 'import-unused'}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => {
              const bad = new Map(row.problems.map((p) => [p.column, p.reason]));
              return (
                <tr key={row.line} className={row.problems.length ? 'import-bad' : undefined}>
                  <td className="num">{row.line}</td>
                  <td className="import-problems">
                    {row.problems.length === 0
                      ? <span className="import-ok">✓ {t('import.rowOk')}</span>
                      : row.problems.map((p, i) => (
                          <div key={i}>
                            ✕ {p.column ? `${p.column}${t('import.colon')}` : ''}
                            {p.reason}
                          </div>
                        ))}
                  </td>
                  {Array.from({ length: width }, (_, i) => {
                    const reason = bad.get(preview.columns[i]!.header);
                    return (
                      <td key={i} className={reason ? 'import-cell-bad' : undefined} title={reason}>
                        {reason ? '✕ ' : ''}
                        {row.cells[i] ?? ''}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
