import { useRef, useState } from 'react';
import { call } from '../../api/client';
import type { OutputOf } from '../../api/types';
import { Alert } from '../../components/Alert';
import { currentLocale } from '../../i18n';
import { useSession } from '../../state/session';
import { useAction } from '../../state/useAction';
import { mayCall } from '../../lib/access';
import { PreviewPanel } from './PreviewPanel';
import { ResultPanel } from './ResultPanel';
import { SavedMappings } from './SavedMappings';
import { useTranslation } from 'react-i18next';
import { uploadFile } from './transfer';
import { MAX_UPLOAD_MB } from '../../../src-main/core/import/limits';
import './import.css';

type Preview = OutputOf<'import/preview'>;
type Result = OutputOf<'import/run'>;
type Doing = { what: 'upload'; pct: number } | { what: 'read' | 'dry' | 'run' };

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

/**
 * 导入 CRM 工单: choose a file → see how it was read (mapping, first rows and
 * their problems) → dry run and/or import → counts, rejected rows, rejects file.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const { status } = useSession();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [uploadId, setUploadId] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [sheet, setSheet] = useState<string | undefined>(undefined);
  const [result, setResult] = useState<Result | null>(null);
  // Bumped when a mapping is saved or removed: the saved list reads again.
  const [mapsVersion, setMapsVersion] = useState(0);
  const { doing: busy, setDoing, msg, run: perform } = useAction<Doing>();
  const error = msg?.text ?? null;

  if (!status?.user || !mayCall(status.user.role, 'import/upload')) {
    return (
      <section className="page import-page">
        <h1>{t('import.title')}</h1>
        <Alert kind="warn">{t('import.needRole')}</Alert>
      </section>
    );
  }

  const load = (id: string, chosenSheet?: string) =>
    perform(
      async () => {
        setPreview(null);
        setPreview(await call('import/preview', { uploadId: id, sheet: chosenSheet, locale: currentLocale() }));
      },
      { doing: { what: 'read' } },
    );

  const choose = (f: File | undefined) => {
    if (!f) return;
    setFile(f);
    setUploadId(null);
    setPreview(null);
    setResult(null);
    setSheet(undefined);
    void perform(
      async () => {
        const id = await uploadFile(f, (fraction) => setDoing({ what: 'upload', pct: Math.round(fraction * 100) }));
        setUploadId(id);
        await load(id);
      },
      { doing: { what: 'upload', pct: 0 } },
    );
  };

  const run = (dryRun: boolean) =>
    uploadId &&
    perform(
      async () => {
        setResult(null);
        setResult(await call('import/run', { uploadId, sheet, dryRun, locale: currentLocale() }));
      },
      { doing: { what: dryRun ? 'dry' : 'run' } },
    );

  const busyText =
    busy === null ? null : busy.what === 'upload' ? t('import.uploading', { pct: busy.pct }) : busy.what === 'read' ? t('import.reading') : busy.what === 'dry' ? t('import.dryRunning') : t('import.running');
  const canRun = preview !== null && preview.missing.length === 0 && busy === null;

  return (
    <section className="page import-page" aria-labelledby="import-title">
      <div className="page-head">
        <h1 id="import-title">{t('import.title')}</h1>
      </div>
      <p className="hint import-intro">{t('import.intro')}</p>

      <div className="row-actions import-choose">
        <input
          ref={input}
          type="file"
          accept=".csv,.xlsx,.xls,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel"
          className="sr-only"
          data-testid="import-file"
          onChange={(e) => {
            choose(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <button type="button" className={`btn${file ? '' : ' primary'}`} disabled={busy !== null} onClick={() => input.current?.click()}>
          {file ? t('import.another') : t('import.choose')}
        </button>
        {file ? (
          <span className="import-file-name">{t('import.fileInfo', { name: file.name, size: sizeText(file.size) })}</span>
        ) : (
          <span className="hint">{t('import.chooseHint', { max: MAX_UPLOAD_MB })}</span>
        )}
        {busyText && (
          <span className="import-busy" role="status">
            {busyText}
          </span>
        )}
      </div>

      {error && (
        <Alert kind="error" testId="import-error">
          {error}
        </Alert>
      )}

      {preview && (
        <>
          <PreviewPanel
            preview={preview}
            onMap={(mapping) =>
              uploadId &&
              void perform(
                async () => {
                  await call('import/mapHeaders', { uploadId, sheet, mapping });
                  setMapsVersion((v) => v + 1);
                  setResult(null);
                  setPreview(await call('import/preview', { uploadId, sheet, locale: currentLocale() }));
                },
                { doing: { what: 'read' } },
              )
            }
            onSheet={(s) => {
              setSheet(s);
              setResult(null);
              if (uploadId) void load(uploadId, s);
            }}
          />
          <div className="row-actions import-actions">
            <button type="button" className="btn" disabled={!canRun} onClick={() => void run(true)} data-testid="import-dry-run">
              {t('import.dryRun')}
            </button>
            <button type="button" className="btn primary" disabled={!canRun} onClick={() => void run(false)} data-testid="import-run">
              {t('import.run')}
            </button>
          </div>
        </>
      )}

      {result && <ResultPanel result={result} />}

      <SavedMappings
        refresh={mapsVersion}
        onRemoved={() => {
          setMapsVersion((v) => v + 1);
          // A file on screen of that shape reads as unmapped again.
          if (uploadId) void load(uploadId, sheet);
        }}
      />
    </section>
  );
}
