import type { OutputOf } from '../../api/types';
import { Alert } from '../../components/Alert';
import { fill, useImportText } from './text';

type Preview = OutputOf<'import/preview'>;

/** What the file is, which column became which field, and the first rows with their problems. */
export function PreviewPanel({ preview, onSheet }: { preview: Preview; onSheet: (sheet: string) => void }) {
  const x = useImportText();
  const width = preview.columns.length;
  const kind = [
    x.format[preview.format],
    preview.encoding ? x.encoding[preview.encoding] : null,
    preview.delimiter ? x.delimiter[preview.delimiter] : null,
    fill(x.headerLine, { line: preview.headerLine }),
  ].filter(Boolean);
  return (
    <section className="import-preview" aria-label={x.mapping}>
      <p className="import-kind" data-testid="import-kind">
        {kind.join(' · ')}
        {preview.sheets.length > 1 && (
          <label className="import-sheet">
            {x.sheet}
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
          {fill(x.missing, { fields: preview.missing.map((f) => x.fields[f]).join(x.listSeparator) })}
        </Alert>
      )}

      <h2 className="section-title">{x.mapping}</h2>
      <ul className="import-mapping" data-testid="import-mapping" aria-label={`${x.fileColumn} → ${x.field}`}>
        {preview.columns.map((c) => (
          <li key={c.index} className={c.field ? undefined : 'import-unused'}>
            <span className="import-from">{c.header || `#${c.index + 1}`}</span>
            {c.field ? <span>→ {x.fields[c.field]}</span> : <span>— {x.unused}</span>}
          </li>
        ))}
      </ul>

      <h2 className="section-title">{fill(x.firstRows, { n: preview.rows.length })}</h2>
      <div className="table-wrap import-rows">
        <table className="table compact" data-testid="import-rows">
          <thead>
            <tr>
              <th scope="col">{x.line}</th>
              <th scope="col">{x.problems}</th>
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
                      ? <span className="import-ok">✓ {x.rowOk}</span>
                      : row.problems.map((p, i) => (
                          <div key={i}>
                            ✕ {p.column ? `${p.column}${x.colon}` : ''}
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
