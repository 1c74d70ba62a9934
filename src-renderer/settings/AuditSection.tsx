/**
 * 审计日志: an administrator reads who logged in, failed to, was locked out,
 * changed accounts or settings, revealed a number — filtered by person, kind
 * of event and local days, a page at a time — and exports it as CSV.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import type { InputOf } from '../api/types';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { formatDateTime } from '../lib/time';
import { useMeta } from '../state/meta';
import { useQuery } from '../state/useQuery';
import { useAction } from '../state/useAction';
import { useBranch } from '../state/session';
import { saveBlob } from '../lib/save-file';

const PAGE = 50;

interface Filter {
  actorId: string;
  action: string;
  fromDay: string;
  toDay: string;
}
const NO_FILTER: Filter = { actorId: '', action: '', fromDay: '', toDay: '' };

function toQuery(f: Filter): InputOf<'audit/export'> {
  return {
    ...(f.actorId ? { actorId: Number(f.actorId) } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.fromDay ? { fromDay: f.fromDay } : {}),
    ...(f.toDay ? { toDay: f.toDay } : {}),
  };
}

export function AuditSection() {
  const { t, i18n } = useTranslation();
  const { allUsers } = useMeta();
  const { zone } = useBranch();
  const [draft, setDraft] = useState<Filter>(NO_FILTER);
  const [applied, setApplied] = useState<Filter>(NO_FILTER);
  const [offset, setOffset] = useState(0);
  const page = useQuery('audit/list', { ...toQuery(applied), offset, limit: PAGE });
  const exporting = useAction();

  const kindLabel = (action: string) => {
    const kinds = t('audit.kinds', { returnObjects: true }) as Record<string, string>;
    return kinds[action.replace(/\./g, '_')] ?? action;
  };

  function apply(e: FormEvent) {
    e.preventDefault();
    setApplied(draft);
    setOffset(0);
  }

  async function exportCsv() {
    const locale = i18n.language === 'en' ? 'en' : 'zh-CN';
    await exporting.run(
      async () => {
        const file = await call('audit/export', { ...toQuery(applied), locale });
        await saveBlob([file.csv], 'text/csv;charset=utf-8', file.fileName);
        return file;
      },
      { ok: (file) => (file.rows < file.total ? t('audit.exportedCapped', { rows: file.rows, total: file.total }) : t('audit.exported', { rows: file.rows })) },
    );
  }

  const data = page.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE)) : 1;
  return (
    <section className="panel audit" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('audit.title')}</h2>
      <p className="muted">{t('audit.intro')}</p>
      <form className="audit-filter" onSubmit={apply} aria-label={t('audit.title')}>
        <Field label={t('audit.user')}>
          <select value={draft.actorId} onChange={(e) => setDraft({ ...draft, actorId: e.target.value })}>
            <option value="">{t('audit.anyUser')}</option>
            {allUsers.map((u) => (
              <option key={u.id} value={String(u.id)}>
                {u.displayName}（{u.username}）
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('audit.kind')}>
          <select value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })}>
            <option value="">{t('audit.anyKind')}</option>
            {(data?.actions ?? []).map((a) => (
              <option key={a} value={a}>
                {kindLabel(a)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('audit.from')}>
          <input type="date" value={draft.fromDay} onChange={(e) => setDraft({ ...draft, fromDay: e.target.value })} />
        </Field>
        <Field label={t('audit.to')}>
          <input type="date" value={draft.toDay} onChange={(e) => setDraft({ ...draft, toDay: e.target.value })} />
        </Field>
        <div className="audit-buttons">
          <button type="submit" className="btn primary small">
            {t('audit.apply')}
          </button>
          <button
            type="button"
            className="btn small"
            onClick={() => {
              setDraft(NO_FILTER);
              setApplied(NO_FILTER);
              setOffset(0);
            }}
          >
            {t('audit.reset')}
          </button>
          <button type="button" className="btn small" disabled={exporting.busy} onClick={() => void exportCsv()} data-testid="audit-export">
            {t('audit.export')}
          </button>
        </div>
      </form>
      {exporting.msg && <Alert kind={exporting.msg.kind}>{exporting.msg.text}</Alert>}
      {page.error && <Alert kind="error">{page.error}</Alert>}
      {data && (
        <>
          <p className="muted small" data-testid="audit-total">
            {t('audit.total', { total: data.total })}
          </p>
          {data.rows.length === 0 ? (
            <p>{t('audit.empty')}</p>
          ) : (
            <table className="table compact audit-table">
              <thead>
                <tr>
                  <th>{t('audit.at')}</th>
                  <th>{t('audit.user')}</th>
                  <th>{t('audit.kind')}</th>
                  <th>{t('audit.subject')}</th>
                  <th>{t('audit.details')}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr key={r.id} data-action={r.action}>
                    <td className="num">{formatDateTime(r.at, zone, true)}</td>
                    <td>{r.actorName ?? <span className="muted">{t('audit.system')}</span>}</td>
                    <td>{kindLabel(r.action)}</td>
                    <td>{r.subject ?? ''}</td>
                    <td className="audit-details">{JSON.stringify(r.details) === '{}' ? '' : JSON.stringify(r.details)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {pages > 1 && (
            <div className="audit-pager">
              <button type="button" className="btn small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                {t('audit.prev')}
              </button>
              <span>{t('audit.page', { page: offset / PAGE + 1, pages })}</span>
              <button type="button" className="btn small" disabled={offset + PAGE >= data.total} onClick={() => setOffset(offset + PAGE)}>
                {t('audit.next')}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
