/**
 * The header mappings remembered so far (a file's unknown headers mapped in
 * the preview): each header list with what its columns were mapped to, who
 * saved it and when, and 移除 to forget it — the next file of that shape is
 * previewed as if never mapped, and can be mapped again.
 */
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import type { ImportField } from '../../../src-main/core/import/types';
import { formatDateTime } from '../../lib/time';
import { useBranch } from '../../state/session';
import { useAction } from '../../state/useAction';
import { useQuery } from '../../state/useQuery';

export function SavedMappings({ refresh, onRemoved }: { refresh: unknown; onRemoved(): void }) {
  const { t } = useTranslation();
  const { zone } = useBranch();
  const saved = useQuery('import/headerMaps', {}, refresh).data ?? [];
  const { busy, msg, run } = useAction();
  if (saved.length === 0) return null;
  return (
    <section className="import-saved-maps" data-testid="import-saved-maps" aria-labelledby="import-saved-maps-title">
      <h2 id="import-saved-maps-title">{t('import.savedMaps.title')}</h2>
      <p className="hint">{t('import.savedMaps.hint')}</p>
      <ul>
        {saved.map((m) => (
          <li key={m.setKey} data-testid="import-saved-map">
            <span className="saved-map-fields">
              {Object.entries(m.mapping)
                .map(([header, field]) => `${header} → ${t(`import.fields.${field as ImportField}`)}`)
                .join(t('import.listSeparator'))}
            </span>
            <span className="hint">
              {t('import.savedMaps.headers', { count: m.headers.length, headers: m.headers.join(t('import.listSeparator')) })}
              {' · '}
              {t('import.savedMaps.saved', { at: formatDateTime(m.updatedAt, zone), by: m.updatedByName ?? '—' })}
            </span>
            <button
              type="button"
              className="btn small"
              data-testid="import-saved-map-remove"
              disabled={busy}
              onClick={() =>
                // The method answers null, which run() also gives for a refusal: the work says true once it is done.
                void run(async () => {
                  await call('import/removeHeaderMap', { headers: m.headers });
                  return true;
                }).then((done) => {
                  if (done) onRemoved();
                })
              }
            >
              {t('import.savedMaps.remove')}
            </button>
          </li>
        ))}
      </ul>
      {msg?.kind === 'error' && <Alert kind="error">{msg.text}</Alert>}
    </section>
  );
}
