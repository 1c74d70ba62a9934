/**
 * 设置 → 基础列表: the administrator keeps the departments, cities and
 * districts every form chooses from — add, rename (a name already on the
 * list merges the two), retire and restore — and maps the values imports
 * held for review. Every change reloads the lists the forms read.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { ListKind, ListValue } from '../../api/types';
import { Alert } from '../../components/Alert';
import { LIST_KINDS } from '../../../src-main/core/lists/rules';
import { useMeta } from '../../state/meta';
import { useAction } from '../../state/useAction';
import { ReviewList } from './ReviewList';

export function ListsSection() {
  const { t } = useTranslation();
  return (
    <>
      <p className="muted lists-intro">{t('lists.intro')}</p>
      <div className="settings-grid lists-settings">
        {LIST_KINDS.map((kind) => (
          <KindPanel key={kind} kind={kind} />
        ))}
      </div>
      <ReviewList />
    </>
  );
}

function KindPanel({ kind }: { kind: ListKind }) {
  const { t } = useTranslation();
  const { lists, reloadLists } = useMeta();
  const { busy, msg, run } = useAction();
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<ListValue | null>(null);
  const title = t(`lists.kind.${kind}`);

  async function add(e: FormEvent) {
    e.preventDefault();
    const added = await run(() => call('lists/add', { kind, name }), { ok: (v) => t('lists.added', { kind: title, name: v.name }) });
    if (!added) return;
    setName('');
    reloadLists();
  }

  async function setActive(v: ListValue, active: boolean) {
    const done = await run(() => call('lists/setActive', { id: v.id, active }), {
      ok: () => t(active ? 'lists.restoredDone' : 'lists.retiredDone', { name: v.name }),
    });
    if (done) reloadLists();
  }

  return (
    <section className="panel" aria-labelledby={`list-${kind}`} data-list-panel={kind}>
      <h2 id={`list-${kind}`}>{title}</h2>
      {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
      {lists[kind].length === 0 ? (
        <p className="muted">{t('lists.empty')}</p>
      ) : (
        <table className="table compact">
          <thead>
            <tr>
              <th>{t('lists.name')}</th>
              <th>{t('lists.state')}</th>
              <th>{t('lists.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {lists[kind].map((v) => (
              <tr key={v.id} data-value={v.name} className={v.active ? undefined : 'inactive'}>
                <td>{v.name}</td>
                <td>
                  <span className={`badge ${v.active ? 'account-active' : 'account-inactive'}`}>{t(v.active ? 'lists.active' : 'lists.retired')}</span>
                </td>
                <td>
                  <div className="cell-actions">
                    <button type="button" className="btn small" onClick={() => setRenaming(v)}>
                      {t('lists.rename')}
                    </button>
                    <button type="button" className="btn small" disabled={busy} onClick={() => void setActive(v, !v.active)}>
                      {t(v.active ? 'lists.retire' : 'lists.restore')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {renaming && <RenameForm value={renaming} onClose={() => setRenaming(null)} />}
      <form onSubmit={add} className="inline-form" aria-label={`${t('lists.add')} ${title}`}>
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={40} placeholder={t('lists.addPlaceholder', { kind: title })} aria-label={t('lists.addPlaceholder', { kind: title })} />
        <button type="submit" className="btn small primary" disabled={busy || !name.trim()}>
          {t('lists.add')}
        </button>
      </form>
    </section>
  );
}

function RenameForm({ value, onClose }: { value: ListValue; onClose: () => void }) {
  const { t } = useTranslation();
  const { reloadLists, reloadUsers } = useMeta();
  const { busy, msg, run } = useAction();
  const [name, setName] = useState(value.name);
  const [done, setDone] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const out = await run(() => call('lists/rename', { id: value.id, name }));
    if (!out) return;
    setDone(t(out.merged ? 'lists.merged' : 'lists.renamed', { name: out.value.name, count: out.tickets }));
    reloadLists();
    // A department's new name is on the accounts too.
    reloadUsers();
  }

  if (done) {
    return (
      <Alert kind="ok">
        {done}{' '}
        <button type="button" className="btn small link" onClick={onClose}>
          ✕
        </button>
      </Alert>
    );
  }
  return (
    <form onSubmit={submit} className="inline-form" aria-label={t('lists.renameTo', { name: value.name })} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
      <label>
        {t('lists.renameTo', { name: value.name })} <input value={name} onChange={(e) => setName(e.target.value)} maxLength={40} autoFocus />
      </label>
      <button type="submit" className="btn small primary" disabled={busy || !name.trim()}>
        {t('lists.save')}
      </button>
      <button type="button" className="btn small" onClick={onClose}>
        {t('common.cancel')}
      </button>
      <p className="muted">{t('lists.renameHint')}</p>
    </form>
  );
}
