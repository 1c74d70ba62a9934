/** The warnings raised in the chosen range, newest first; a row opens its details, its link the tickets it counts. */
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/time';
import { warningTicketsHref } from './ticketsLink';
import type { WarningRow } from './types';

const fmt = (v: number | null) => (v === null ? '—' : String(Math.round(v * 100) / 100));

export function LevelBadge({ level }: { level: WarningRow['level'] }) {
  const { t } = useTranslation();
  return <span className={`badge warning-level level-${level}`}>{t(`warnings.level.${level}`)}</span>;
}

export function WarningTable({ rows, zone, selected, onSelect }: { rows: WarningRow[]; zone: string; selected: number | null; onSelect(id: number): void }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="muted">{t('warnings.none')}</p>;
  return (
    <table className="data warning-table" data-testid="warning-table">
      <thead>
        <tr>
          {(['raisedAt', 'level', 'category', 'scope', 'period', 'count', 'baseline', 'threshold', 'latest', 'source', 'state', 'actions'] as const).map((c) => (
            <th key={c}>{t(`warnings.col.${c}`)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((w) => {
          const href = warningTicketsHref(w);
          return (
            <tr key={w.id} className={selected === w.id ? 'selected' : undefined} data-testid={`warning-${w.id}`}>
              <td>{formatDateTime(w.raisedAt, zone)}</td>
              <td>
                <LevelBadge level={w.level} />
              </td>
              <td>{w.category}</td>
              <td>{w.district ?? t('warnings.branch')}</td>
              <td>{t(`warnings.period.${w.period}`)}</td>
              <td className="num">{w.count}</td>
              <td className="num">{fmt(w.baseline)}</td>
              <td className="num">{fmt(w.threshold)}</td>
              <td className="num">{w.lastCount}</td>
              <td>{t(`warnings.source.${w.source}`)}</td>
              <td>
                <span className={`badge warning-state state-${w.state}`}>{t(`warnings.state.${w.state}`)}</span>
              </td>
              <td className="actions">
                <button type="button" className="btn small" onClick={() => onSelect(w.id)} data-testid="warning-details">
                  {t('warnings.details')}
                </button>
                {href && (
                  <a className="btn small link" href={href} title={t('warnings.ticketsTitle')} data-testid="warning-tickets">
                    {t('warnings.tickets')}
                  </a>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
