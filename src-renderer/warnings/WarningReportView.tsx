/** 分析报表: the warnings of the chosen range counted by review result, source, month, district, category and level, and the numbers involved. */
import { useTranslation } from 'react-i18next';
import type { WarningReport } from './types';

type CountBy = WarningReport['byReview'];

function CountTable({ title, rows, label }: { title: string; rows: CountBy; label(key: string): string }) {
  const { t } = useTranslation();
  return (
    <table className="data count-by">
      <caption>{title}</caption>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{label(r.key)}</th>
            <td className="num">{r.count}</td>
          </tr>
        ))}
        {rows.length === 0 && (
          <tr>
            <td colSpan={2} className="muted">
              {t('warnings.none')}
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

export function WarningReportView({ report, masked }: { report: WarningReport; masked: boolean }) {
  const { t } = useTranslation();
  const same = (k: string) => k;
  return (
    <section className="panel warning-report" data-testid="warning-report" aria-labelledby="warning-report-title">
      <h2 id="warning-report-title">{t('warnings.report.title')}</h2>
      <p data-testid="warning-report-total">{t('warnings.report.total', { total: report.total, recovered: report.recovered })}</p>
      <div className="count-tables">
        <CountTable title={t('warnings.report.byReview')} rows={report.byReview} label={(k) => t(`warnings.review.${k as 'pending'}`)} />
        <CountTable title={t('warnings.report.bySource')} rows={report.bySource} label={(k) => t(`warnings.source.${k as 'auto'}`)} />
        <CountTable title={t('warnings.report.byLevel')} rows={report.byLevel} label={(k) => t(`warnings.level.${k as 'red'}`)} />
        <CountTable title={t('warnings.report.byMonth')} rows={report.byMonth} label={same} />
        <CountTable title={t('warnings.report.byDistrict')} rows={report.byDistrict} label={(k) => (k === 'branch' ? t('warnings.branch') : k)} />
        <CountTable title={t('warnings.report.byCategory')} rows={report.byCategory} label={same} />
      </div>
      <h3>{t('warnings.report.phones')}</h3>
      {masked && <p className="hint">{t('warnings.report.masked')}</p>}
      <table className="data" data-testid="warning-report-phones">
        <tbody>
          {report.phones.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                #{p.id} {p.category} · {p.scope === 'branch' ? t('warnings.branch') : p.scope.slice('district:'.length)}
              </th>
              <td>
                {p.phones.join('、')}
                {p.total > p.phones.length ? ' …' : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
