/**
 * Report filters as SQL over the tickets table (alias t): each list is "any
 * of", values always bound as parameters. A top-level category includes its
 * sub-categories.
 */
import type { ReportFilters } from '../core/reports/model';
import type { Db } from './open';
import { notDemo } from './demo-sql';

export interface SqlPart {
  sql: string;
  params: Record<string, string | number>;
}

export function filterSql(f: ReportFilters): SqlPart {
  const parts: string[] = [];
  const params: Record<string, string | number> = {};
  const list = (key: string, values: ReadonlyArray<string | number> | undefined): string | null => {
    if (!values || values.length === 0) return null;
    return values
      .map((v, i) => {
        params[`${key}${i}`] = v;
        return `@${key}${i}`;
      })
      .join(', ');
  };
  const district = list('fd', f.district);
  if (district) parts.push(`t.district IN (${district})`);
  const channel = list('fch', f.channel);
  if (channel) parts.push(`t.channel IN (${channel})`);
  const category = list('fc', f.categoryId);
  if (category) parts.push(`t.category_id IN (SELECT id FROM categories WHERE id IN (${category}) OR parent_id IN (${category}))`);
  const department = list('fdp', f.department);
  if (department) parts.push(`t.department IN (${department})`);
  const assignee = list('fa', f.assigneeId);
  if (assignee) parts.push(`t.assignee_id IN (${assignee})`);
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}


/**
 * FROM … WHERE for the tickets of one period ([@from, @to)) that pass the
 * filters, voided tickets never counting: one range scan of the covering index
 * tickets_report (migration 0004), which holds every column the report reads
 * or filters on, so the table rows are never touched.
 */
export function periodSource(filters: ReportFilters): SqlPart {
  const f = filterSql(filters);
  return {
    sql: `FROM tickets t INDEXED BY tickets_report
      WHERE t.received_at >= @from AND t.received_at < @to AND t.status <> 'voided' AND ${notDemo('t')}${f.sql}`,
    params: f.params,
  };
}

/**
 * What a filter's rows depend on outside the tickets table, read at the
 * moment asked, as text: the categories a category filter takes in (a
 * sub-category moved under another top category changes them). Empty when
 * the filters name no category.
 */
export function filterDependencies(db: Db, f: ReportFilters): () => string {
  const ids = f.categoryId ?? [];
  if (ids.length === 0) return () => '';
  const marks = ids.map(() => '?').join(', ');
  const taken = db
    .prepare(`SELECT group_concat(id) FROM (SELECT id FROM categories WHERE id IN (${marks}) OR parent_id IN (${marks}) ORDER BY id)`)
    .pluck();
  return () => String(taken.get(...ids, ...ids));
}
