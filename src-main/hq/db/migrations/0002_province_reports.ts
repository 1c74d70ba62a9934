/**
 * Headquarters' schema, version 2: the province's reports as views over the
 * current filings (docs/HQ.md defines every column). Frozen once released.
 */
export const name = 'province_reports';

/** The KPI columns both the branch and the district views compute, from hq_ticket_facts f. */
const KPI_COLUMNS = `
  count(*)::int AS total,
  count(*) FILTER (WHERE f.resolved)::int AS resolved,
  (count(*) FILTER (WHERE f.resolved))::float8 / NULLIF(count(*), 0) AS resolution_rate,
  count(*) FILTER (WHERE f.due)::int AS due,
  count(*) FILTER (WHERE f.on_time)::int AS on_time,
  (count(*) FILTER (WHERE f.on_time))::float8 / NULLIF(count(*) FILTER (WHERE f.due), 0) AS timeliness_rate,
  count(*) FILTER (WHERE f.is_repeat)::int AS repeat,
  (count(*) FILTER (WHERE f.is_repeat))::float8 / NULLIF(count(*), 0) AS repeat_rate,
  count(*) FILTER (WHERE f.level = 'overlevel')::int AS overlevel,
  (count(*) FILTER (WHERE f.level = 'overlevel'))::float8 / NULLIF(count(*), 0) AS overlevel_rate,
  count(*) FILTER (WHERE f.satisfaction IS NOT NULL)::int AS rated,
  count(*) FILTER (WHERE f.satisfaction IN ('satisfied', 'basically_satisfied'))::int AS satisfied,
  (count(*) FILTER (WHERE f.satisfaction IN ('satisfied', 'basically_satisfied')))::float8 / NULLIF(count(*) FILTER (WHERE f.satisfaction IS NOT NULL), 0) AS satisfaction_rate,
  avg(f.response_hours) AS response_mean_hours,
  avg(f.handling_hours) AS handling_mean_hours,
  count(*) FILTER (WHERE f.breached)::int AS breached`;

export const sql = `
CREATE VIEW hq_current_kpis AS
  SELECT d.* FROM hq_kpis d JOIN hq_current_filings c USING (filing_id);
CREATE VIEW hq_current_tickets AS
  SELECT d.* FROM hq_tickets d JOIN hq_current_filings c USING (filing_id);
CREATE VIEW hq_current_refunds AS
  SELECT d.* FROM hq_refunds d JOIN hq_current_filings c USING (filing_id);
CREATE VIEW hq_current_breaches AS
  SELECT d.* FROM hq_breaches d JOIN hq_current_filings c USING (filing_id);
CREATE VIEW hq_current_warnings AS
  SELECT d.* FROM hq_warnings d JOIN hq_current_filings c USING (filing_id);

-- One row per current, not voided ticket with what each KPI needs of it.
CREATE VIEW hq_ticket_facts AS
  SELECT t.period, t.branch_id, t.city, t.district, t.ticket_no, t.channel, t.level, t.status, t.satisfaction,
         coalesce(t.is_repeat, false) AS is_repeat,
         t.status IN ('resolved', 'closed') AS resolved,
         t.status IN ('resolved', 'closed') OR coalesce(b.resolution_late, false) AS due,
         t.status IN ('resolved', 'closed') AND NOT coalesce(b.resolution_late, false) AS on_time,
         coalesce(b.breached, false) AS breached,
         -- A response or resolution recorded before receipt (bad source data) counts as 0; none recorded is NULL
         -- (greatest() would turn NULL into 0, so the CASE keeps tickets without the time out of the means).
         CASE WHEN t.first_response_at IS NOT NULL THEN greatest(0, extract(epoch FROM t.first_response_at - t.received_at)::float8) / 3600 END AS response_hours,
         CASE WHEN t.resolved_at IS NOT NULL THEN greatest(0, extract(epoch FROM t.resolved_at - t.received_at)::float8) / 3600 END AS handling_hours
    FROM hq_tickets t
    JOIN hq_current_filings c USING (filing_id)
    LEFT JOIN (
      SELECT filing_id, ticket_no, channel, true AS breached, bool_or(clock = 'resolution') AS resolution_late
        FROM hq_breaches WHERE clock IN ('first_response', 'resolution', 'follow_up')
       GROUP BY filing_id, ticket_no, channel
    ) b USING (filing_id, ticket_no, channel)
   WHERE t.status <> 'voided';

CREATE VIEW hq_kpi_by_branch AS
  SELECT f.period, f.branch_id, br.name AS branch_name, br.city, cf.draft, ${KPI_COLUMNS},
         (SELECT k.current FROM hq_kpis k WHERE k.filing_id = c.filing_id AND k.kpi = 'timelinessRate') AS reported_timeliness_rate
    FROM hq_ticket_facts f
    JOIN hq_current_filings c USING (branch_id, period)
    JOIN hq_filings cf ON cf.filing_id = c.filing_id
    JOIN hq_branches br ON br.branch_id = f.branch_id
   GROUP BY f.period, f.branch_id, br.name, br.city, cf.draft, c.filing_id;

CREATE VIEW hq_kpi_by_district AS
  SELECT f.period, f.city, f.district, count(DISTINCT f.branch_id)::int AS branches, ${KPI_COLUMNS}
    FROM hq_ticket_facts f
   GROUP BY f.period, f.city, f.district;

CREATE VIEW hq_league AS
  SELECT period,
         rank() OVER (PARTITION BY period ORDER BY timeliness_rate DESC NULLS LAST, resolution_rate DESC NULLS LAST, branch_id)::int AS rank,
         branch_id, branch_name, total, timeliness_rate, resolution_rate,
         rank() OVER (PARTITION BY period ORDER BY timeliness_rate DESC NULLS LAST)::int AS timeliness_rank,
         rank() OVER (PARTITION BY period ORDER BY resolution_rate DESC NULLS LAST)::int AS resolution_rank
    FROM hq_kpi_by_branch;

CREATE VIEW hq_refund_totals AS
  SELECT period, type,
         count(*)::int AS entries,
         count(*) FILTER (WHERE status = 'rejected')::int AS rejected,
         coalesce(sum(amount_fen) FILTER (WHERE status <> 'rejected'), 0)::bigint AS amount_fen,
         coalesce(sum(amount_fen) FILTER (WHERE status = 'executed'), 0)::bigint AS executed_fen,
         count(DISTINCT branch_id)::int AS branches
    FROM hq_current_refunds
   GROUP BY period, type;

CREATE VIEW hq_warnings_raised AS
  SELECT w.period, w.branch_id, br.name AS branch_name, w.level, count(*)::int AS warnings,
         string_agg(DISTINCT w.category, '、' ORDER BY w.category) AS categories
    FROM hq_current_warnings w JOIN hq_branches br USING (branch_id)
   GROUP BY w.period, w.branch_id, br.name, w.level;

-- Registered branches with no final filing for the month (a draft is not the month's report).
CREATE FUNCTION hq_unreported(p date) RETURNS TABLE (branch_id text, branch_name text, city text, has_draft boolean, last_reported date)
LANGUAGE sql STABLE AS $fn$
  SELECT b.branch_id, b.name, b.city,
         EXISTS (SELECT 1 FROM hq_filings f WHERE f.branch_id = b.branch_id AND f.period = p AND f.draft),
         (SELECT max(f.period) FROM hq_filings f WHERE f.branch_id = b.branch_id AND NOT f.draft)
    FROM hq_branches b
   WHERE NOT EXISTS (SELECT 1 FROM hq_filings f WHERE f.branch_id = b.branch_id AND f.period = p AND NOT f.draft)
   ORDER BY b.branch_id
$fn$;

-- Last month as China reckons it (the branches' zone by default).
CREATE VIEW hq_unreported_last_month AS
  SELECT (date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') - interval '1 month')::date AS period, u.*
    FROM hq_unreported((date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') - interval '1 month')::date) u;
`;
