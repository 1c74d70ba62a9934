import type { OutputOf } from '../../api/types';
import { Alert } from '../../components/Alert';
import { useTranslation } from 'react-i18next';

type Preview = OutputOf<'import/preview'>;

/** What the file is, which column became which field, and the first rows with their problems. */
export function PreviewPanel({ preview, onSheet }: { preview: Preview; onSheet: (sheet: string) => void }) {
  const { t } = useTranslation();
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
            {c.field ? <span>→ {t(`import.fields.${c.field}`)}</span> : <span>— {t('import.unused')}</span>}
          </li>
        ))}
      </ul>

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
