import type { OutputOf } from '../../api/types';
import { Alert } from '../../components/Alert';
import { useAction } from '../../state/useAction';
import { downloadRejects } from './transfer';
import { useTranslation } from 'react-i18next';

type Result = OutputOf<'import/run'>;

/** The counts, the rejected rows, and the rejects file to send back to the CRM team. */
export function ResultPanel({ result }: { result: Result }) {
  const { t } = useTranslation();
  const { busy, msg, run } = useAction();
  const error = msg?.text ?? null;
  const counters: Array<[string, number, string]> = [
    [t('import.inserted'), result.inserted, 'inserted'],
    [t('import.updated'), result.updated, 'updated'],
    [t('import.unchanged'), result.unchanged, 'unchanged'],
    [t('import.rejected'), result.rejectedRows, 'rejected'],
  ];
  const download = (token: string) => run(() => downloadRejects(token));
  return (
    <section className="import-result" data-testid="import-result" aria-live="polite">
      <Alert kind={result.dryRun ? 'info' : 'ok'}>{result.dryRun ? t('import.dryResult') : t('import.doneResult')}</Alert>
      <div className="counters">
        {counters.map(([label, value, key]) => (
          <div key={key} className={`counter${key === 'rejected' && value > 0 ? ' tone-warn' : ''}`} data-testid={`import-${key}`}>
            <span className="counter-label">{label}</span>
            <span className="counter-value">{value}</span>
          </div>
        ))}
      </div>

      {result.mapped.length > 0 && (
        <Alert kind="info" testId="import-mapped">
          {t('import.mappedUsed', {
            columns: result.mapped.map((m) => `${m.header} → ${t(`import.fields.${m.field}`)}`).join(t('import.listSeparator')),
          })}
        </Alert>
      )}
      {result.held.length > 0 && (
        <Alert kind="warn" testId="import-held">
          {t(result.dryRun ? 'import.heldDry' : 'import.held', {
            values: result.held.map((h) => t('import.heldValue', { kind: t(`lists.kind.${h.kind}`), raw: h.raw, rows: h.rows })).join(t('import.listSeparator')),
          })}
        </Alert>
      )}
      {result.rejectsToken && (
        <div className="row-actions">
          <button type="button" className="btn" disabled={busy} onClick={() => void download(result.rejectsToken!)} data-testid="import-download">
            ⬇ {busy ? t('import.downloading') : t('import.download')}
          </button>
          <span className="hint">{t('import.downloadHint')}</span>
        </div>
      )}
      {error && <Alert kind="error">{error}</Alert>}

      {result.rejected.length > 0 && (
        <>
          <h2 className="section-title">{t('import.rejectedList')}</h2>
          {result.rejectedTotal > result.rejected.length && (
            <p className="hint">{t('import.rejectedMore', { total: result.rejectedTotal, shown: result.rejected.length })}</p>
          )}
          <div className="table-wrap import-rejected">
            <table className="table compact" data-testid="import-rejected">
              <thead>
                <tr>
                  <th scope="col">{t('import.line')}</th>
                  <th scope="col">{t('import.column')}</th>
                  <th scope="col">{t('import.value')}</th>
                  <th scope="col">{t('import.reason')}</th>
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
