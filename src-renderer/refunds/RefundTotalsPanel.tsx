/** Totals by type and by status over the list's filter; a row is also a filter (click again to clear). */
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../src-main/core/money';
import type { RefundFilter, RefundStatus, RefundTotals, RefundType } from './types';
import { REFUND_STATUSES, REFUND_TYPES } from './types';

interface Props {
  totals: RefundTotals | undefined;
  filter: RefundFilter;
  onFilter(next: RefundFilter): void;
}

export function RefundTotalsPanel({ totals, filter, onFilter }: Props) {
  const { t } = useTranslation();
  const byType = new Map(totals?.byType.map((x) => [x.type, x]));
  const byStatus = new Map(totals?.byStatus.map((x) => [x.status, x]));
  const toggleType = (ty: RefundType) => onFilter({ ...filter, type: filter.type?.[0] === ty ? undefined : [ty] });
  const toggleStatus = (s: RefundStatus) => onFilter({ ...filter, status: filter.status?.[0] === s ? undefined : [s] });
  const row = (key: string, label: string, sum: { count: number; amountFen: number } | undefined, on: boolean, toggle: () => void) => (
    <tr key={key} className={on ? 'selected' : undefined} data-total={key}>
      <td>
        <button type="button" className="chip-link" aria-pressed={on} onClick={toggle}>
          {label}
        </button>
      </td>
      <td className="num">{t('refunds.count', { count: sum?.count ?? 0 })}</td>
      <td className="num">{formatFen(sum?.amountFen ?? 0)}</td>
    </tr>
  );
  return (
    <div className="refund-totals" data-testid="refund-totals">
      <div className="table-wrap">
        <table className="table compact">
          <thead>
            <tr>
              <th colSpan={3}>{t('refunds.totalsByType')}</th>
            </tr>
          </thead>
          <tbody>{REFUND_TYPES.map((ty) => row(`type-${ty}`, t(`refunds.type.${ty}`), byType.get(ty), filter.type?.[0] === ty, () => toggleType(ty)))}</tbody>
        </table>
      </div>
      <div className="table-wrap">
        <table className="table compact">
          <thead>
            <tr>
              <th colSpan={3}>{t('refunds.totalsByStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {REFUND_STATUSES.map((s) => row(`status-${s}`, t(`refunds.status.${s}`), byStatus.get(s), filter.status?.[0] === s, () => toggleStatus(s)))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
