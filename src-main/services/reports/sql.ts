/**
 * The tickets a report reads: one range scan of the covering index
 * tickets_report (migration 0004), which holds every column the report reads
 * or filters on, so the table rows are never touched.
 */
import type { ReportFilters } from '../../core/reports/model';
import { filterSql, type SqlPart } from './filters';

/** FROM … WHERE for the tickets of one period ([@from, @to)) that pass the filters. Voided tickets never count. */
export function periodSource(filters: ReportFilters): SqlPart {
  const f = filterSql(filters);
  return {
    sql: `FROM tickets t INDEXED BY tickets_report
      WHERE t.received_at >= @from AND t.received_at < @to AND t.status <> 'voided'${f.sql}`,
    params: f.params,
  };
}
