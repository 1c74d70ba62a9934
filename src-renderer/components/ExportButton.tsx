/**
 * 导出: a button opening a small menu (Excel or CSV); while the file is
 * written a progress bar counts the rows, then the file is saved and a line
 * says how many rows it holds. `request` is read when clicked, so it is the
 * list's filter and sort at that moment.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportSheet, type SheetFormat, type SheetRequest } from '../lib/export-sheet';
import { useAction } from '../state/useAction';
import { Alert } from './Alert';

export function ExportButton({ request, testId = 'export' }: { request: () => SheetRequest | null; testId?: string }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const { doing: progress, setDoing: setProgress, busy, msg, setMsg, run: perform } = useAction<{ done: number; total: number }>();
  const run = async (format: SheetFormat) => {
    setOpen(false);
    const req = request();
    if (!req) return;
    const out = await perform(() => exportSheet(req, format, i18n.language === 'en' ? 'en' : 'zh-CN', (done, total) => setProgress({ done, total })), {
      doing: { done: 0, total: 0 },
    });
    if (out && out.kind !== 'cancelled') setMsg({ kind: 'ok', text: t('sheets.done', { count: out.rows, name: out.path ?? out.fileName }) });
  };
  return (
    <span className="export-menu" data-testid={testId}>
      <button type="button" className="btn small" aria-haspopup="menu" aria-expanded={open} disabled={busy} onClick={() => setOpen((o) => !o)}>
        {t('sheets.export')}
      </button>
      {open && (
        <span className="export-choices" role="menu">
          <button type="button" role="menuitem" className="btn small" onClick={() => void run('xlsx')}>
            {t('sheets.xlsx')}
          </button>
          <button type="button" role="menuitem" className="btn small" onClick={() => void run('csv')}>
            {t('sheets.csv')}
          </button>
        </span>
      )}
      {progress && (
        <span className="export-progress" data-testid={`${testId}-progress`}>
          <progress max={progress.total || 1} value={progress.done} aria-label={t('sheets.writing')} />
          <span className="num">{progress.total ? t('sheets.progress', { done: progress.done, total: progress.total }) : t('sheets.writing')}</span>
        </span>
      )}
      {msg && (
        <span className="export-result" data-testid={`${testId}-result`}>
          <Alert kind={msg.kind}>{msg.text}</Alert>
        </span>
      )}
    </span>
  );
}
