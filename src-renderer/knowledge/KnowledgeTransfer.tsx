/** Export the whole knowledge base to a file, or import one another branch exported (all or nothing). */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { Alert } from '../components/Alert';
import { saveBlob } from '../lib/save-file';
import { useAction } from '../state/useAction';

export function KnowledgeTransfer({ onImported }: { onImported(): void }) {
  const { t } = useTranslation();
  const file = useRef<HTMLInputElement>(null);
  const { busy, msg: notice, run } = useAction();

  async function doExport() {
    await run(
      async () => {
        const r = await call('knowledge/export', {});
        saveBlob([r.text], 'application/json', r.fileName);
        return r;
      },
      { ok: (r) => t('knowledge.exported', { count: r.count }) },
    );
  }

  async function doImport(f: File) {
    const r = await run(async () => call('knowledge/import', { text: await f.text() }), {
      ok: (r) => t('knowledge.imported', { added: String(r.added), updated: String(r.updated), unchanged: String(r.unchanged) }),
    });
    if (file.current) file.current.value = '';
    if (r) onImported();
  }

  return (
    <div className="knowledge-transfer" data-testid="knowledge-transfer">
      <button type="button" className="btn small" disabled={busy} onClick={() => void doExport()} data-testid="knowledge-export">
        {t('knowledge.export')}
      </button>
      <label className="btn small">
        {t('knowledge.import')}
        <input
          ref={file}
          type="file"
          accept=".json,application/json"
          hidden
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void doImport(f);
          }}
          data-testid="knowledge-import"
        />
      </label>
      <span className="muted small">{t('knowledge.importHint')}</span>
      {notice && (
        <Alert kind={notice.kind} testId="knowledge-transfer-notice">
          {notice.text}
        </Alert>
      )}
    </div>
  );
}
