import { useState } from 'react';
import { messageOf } from '../../api/client';
import type { OutputOf } from '../../api/types';
import { Alert } from '../../components/Alert';
import { downloadRejects } from './transfer';
import { fill, useImportText } from './text';

type Result = OutputOf<'import/run'>;

/** The counts, the rejected rows, and the rejects file to send back to the CRM team. */
export function ResultPanel({ result }: { result: Result }) {
  const x = useImportText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const counters: Array<[string, number, string]> = [
    [x.inserted, result.inserted, 'inserted'],
    [x.updated, result.updated, 'updated'],
    [x.unchanged, result.unchanged, 'unchanged'],
    [x.rejected, result.rejectedRows, 'rejected'],
  ];
  const download = async (token: string) => {
    setBusy(true);
    setError(null);
    try {
      await downloadRejects(token);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="import-result" data-testid="import-result" aria-live="polite">
      <Alert kind={result.dryRun ? 'info' : 'ok'}>{result.dryRun ? x.dryResult : x.doneResult}</Alert>
      <div className="counters">
        {counters.map(([label, value, key]) => (
          <div key={key} className={`counter${key === 'rejected' && value > 0 ? ' tone-warn' : ''}`} data-testid={`import-${key}`}>
            <span className="counter-label">{label}</span>
            <span className="counter-value">{value}</span>
          </div>
        ))}
      </div>

      {result.rejectsToken && (
        <div className="row-actions">
          <button type="button" className="btn" disabled={busy} onClick={() => void download(result.rejectsToken!)} data-testid="import-download">
            ⬇ {busy ? x.downloading : x.download}
          </button>
          <span className="hint">{x.downloadHint}</span>
        </div>
      )}
      {error && <Alert kind="error">{error}</Alert>}

      {result.rejected.length > 0 && (
        <>
          <h2 className="section-title">{x.rejectedList}</h2>
          {result.rejectedTotal > result.rejected.length && (
            <p className="hint">{fill(x.rejectedMore, { total: result.rejectedTotal, shown: result.rejected.length })}</p>
          )}
          <div className="table-wrap import-rejected">
            <table className="table compact" data-testid="import-rejected">
              <thead>
                <tr>
                  <th scope="col">{x.line}</th>
                  <th scope="col">{x.column}</th>
                  <th scope="col">{x.value}</th>
                  <th scope="col">{x.reason}</th>
                </tr>
              </thead>
              <tbody>
                {result.rejected.map((r, i) => (
                  <tr key={i}>
                    <td className="num">{r.line}</td>
                    <td>{r.column}</td>
                    <td className="import-value">{r.value}</td>
                    <td>✕ {r.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
