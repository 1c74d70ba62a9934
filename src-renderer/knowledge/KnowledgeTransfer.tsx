/** Export the whole knowledge base to a file, or import one another branch exported (all or nothing). */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, messageOf } from '../api/client';
import { Alert } from '../components/Alert';
import { saveBlob } from '../lib/save-file';

export function KnowledgeTransfer({ onImported }: { onImported(): void }) {
  const { t } = useTranslation();
  const file = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  async function doExport() {
    try {
      const r = await call('knowledge/export', {});
      saveBlob([r.text], 'application/json', r.fileName);
      setNotice({ kind: 'ok', text: t('knowledge.exported', { count: r.count }) });
    } catch (e) {
      setNotice({ kind: 'error', text: messageOf(e) });
    }
  }

  async function doImport(f: File) {
    try {
      const r = await call('knowledge/import', { text: await f.text() });
      setNotice({ kind: 'ok', text: t('knowledge.imported', { added: String(r.added), updated: String(r.updated), unchanged: String(r.unchanged) }) });
      onImported();
    } catch (e) {
      setNotice({ kind: 'error', text: messageOf(e) });
    } finally {
      if (file.current) file.current.value = '';
    }
  }

  return (
    <div className="knowledge-transfer" data-testid="knowledge-transfer">
      <button type="button" className="btn small" onClick={() => void doExport()} data-testid="knowledge-export">
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
