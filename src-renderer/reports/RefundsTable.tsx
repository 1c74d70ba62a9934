/** Refunds approved in the range, by type, with the share executed within the limit. */
import { useTranslation } from 'react-i18next';
import type { Report } from './charts/types';
import { pct } from './format';

const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export function RefundsTable({ report }: { report: Report }) {
  const { t } = useTranslation();
  const { byType, total } = report.refunds;
  if (byType.length === 0) return <p className="hint">{t('reports.refunds.none')}</p>;
  const typeLabel = (type: string) => (type === 'all' ? t('reports.refunds.total') : t(`refunds.type.${type as 'other'}`, { defaultValue: type }));
  return (
    <table className="report-table" data-testid="report-refunds">
      <thead>
        <tr>
          <th>{t('reports.refunds.type')}</th>
          <th className="num">{t('reports.refunds.approved')}</th>
          <th className="num">{t('reports.refunds.amount')}</th>
          <th className="num">{t('reports.refunds.executed')}</th>
          <th className="num">{t('reports.refunds.inTime')}</th>
        </tr>
      </thead>
      <tbody>
        {[...byType, total].map((r) => (
          <tr key={r.type} className={r.type === 'all' ? 'total-row' : undefined}>
            <td>{typeLabel(r.type)}</td>
            <td className="num">{r.approved}</td>
            <td className="num">{yuan(r.amountFen)}</td>
            <td className="num">{r.executed}</td>
            <td className="num">
              {pct(r.inTimeShare)} <span className="muted small">({r.executedInTime}/{r.due})</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
