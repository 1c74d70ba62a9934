/**
 * Headquarters' schema, version 3: the KPI views of 0002, same columns, read
 * in two steps. Tickets are first counted per branch-month and district
 * (`hq_ticket_counts`, one hash aggregate over the month's partition), and
 * the rates are taken from those few thousand rows. 0002 grouped every
 * ticket by the branch's name, city and draft flag and looked the branch's own
 * timeliness up once per group: on 2,000 branches the sort spilled to disk and
 * the plan's cost woke PostgreSQL's JIT compiler for seconds. Frozen once released.
 */
export const name = 'report_counts';

const RATES = `
  sum(n.total)::int AS total,
  sum(n.resolved)::int AS resolved,
  sum(n.resolved)::float8 / NULLIF(sum(n.total), 0) AS resolution_rate,
  sum(n.due)::int AS due,
  sum(n.on_time)::int AS on_time,
  sum(n.on_time)::float8 / NULLIF(sum(n.due), 0) AS timeliness_rate,
  sum(n.repeat)::int AS repeat,
  sum(n.repeat)::float8 / NULLIF(sum(n.total), 0) AS repeat_rate,
  sum(n.overlevel)::int AS overlevel,
  sum(n.overlevel)::float8 / NULLIF(sum(n.total), 0) AS overlevel_rate,
  sum(n.rated)::int AS rated,
  sum(n.satisfied)::int AS satisfied,
  sum(n.satisfied)::float8 / NULLIF(sum(n.rated), 0) AS satisfaction_rate,
  sum(n.response_hours_sum) / NULLIF(sum(n.responded), 0) AS response_mean_hours,
  sum(n.handling_hours_sum) / NULLIF(sum(n.handled), 0) AS handling_mean_hours,
  sum(n.breached)::int AS breached`;

export const sql = `
DROP VIEW hq_league;
DROP VIEW hq_kpi_by_branch;
DROP VIEW hq_kpi_by_district;

-- The counts every KPI is made of, per current filing and the tickets' city and district.
CREATE VIEW hq_ticket_counts AS
  SELECT f.period, f.branch_id, c.filing_id, f.city, f.district,
         count(*) AS total,
         count(*) FILTER (WHERE f.resolved) AS resolved,
         count(*) FILTER (WHERE f.due) AS due,
         count(*) FILTER (WHERE f.on_time) AS on_time,
         count(*) FILTER (WHERE f.is_repeat) AS repeat,
         count(*) FILTER (WHERE f.level = 'overlevel') AS overlevel,
         count(*) FILTER (WHERE f.satisfaction IS NOT NULL) AS rated,
         count(*) FILTER (WHERE f.satisfaction IN ('satisfied', 'basically_satisfied')) AS satisfied,
         count(f.response_hours) AS responded,
         coalesce(sum(f.response_hours), 0) AS response_hours_sum,
         count(f.handling_hours) AS handled,
         coalesce(sum(f.handling_hours), 0) AS handling_hours_sum,
         count(*) FILTER (WHERE f.breached) AS breached
    FROM hq_ticket_facts f
    JOIN hq_current_filings c USING (branch_id, period)
   GROUP BY f.period, f.branch_id, c.filing_id, f.city, f.district;

CREATE VIEW hq_kpi_by_branch AS
  SELECT s.period, s.branch_id, br.name AS branch_name, br.city, cf.draft,
         s.total, s.resolved, s.resolution_rate, s.due, s.on_time, s.timeliness_rate, s.repeat, s.repeat_rate,
         s.overlevel, s.overlevel_rate, s.rated, s.satisfied, s.satisfaction_rate,
         s.response_mean_hours, s.handling_mean_hours, s.breached,
         k.current AS reported_timeliness_rate
    FROM (SELECT n.period, n.branch_id, n.filing_id, ${RATES} FROM hq_ticket_counts n GROUP BY n.period, n.branch_id, n.filing_id) s
    JOIN hq_branches br ON br.branch_id = s.branch_id
    JOIN hq_filings cf ON cf.filing_id = s.filing_id
    LEFT JOIN hq_kpis k ON k.filing_id = s.filing_id AND k.period = s.period AND k.kpi = 'timelinessRate';

CREATE VIEW hq_kpi_by_district AS
  SELECT n.period, n.city, n.district, count(DISTINCT n.branch_id)::int AS branches, ${RATES}
    FROM hq_ticket_counts n
   GROUP BY n.period, n.city, n.district;

CREATE VIEW hq_league AS
  SELECT period,
         rank() OVER (PARTITION BY period ORDER BY timeliness_rate DESC NULLS LAST, resolution_rate DESC NULLS LAST, branch_id)::int AS rank,
         branch_id, branch_name, total, timeliness_rate, resolution_rate,
         rank() OVER (PARTITION BY period ORDER BY timeliness_rate DESC NULLS LAST)::int AS timeliness_rank,
         rank() OVER (PARTITION BY period ORDER BY resolution_rate DESC NULLS LAST)::int AS resolution_rank
    FROM hq_kpi_by_branch;
`;
