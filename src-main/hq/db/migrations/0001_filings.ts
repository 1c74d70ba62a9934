/**
 * Headquarters' schema, version 1: registered branches, every filing (one per
 * accepted bundle, all revisions kept with their reason), which filing is a
 * branch-month's current one, and the five machine files of the bundle as
 * tables partitioned by month (`period`, the first day of the bundle's month).
 *
 * Frozen once released: it imports nothing, and its SQL is its own.
 */
export const name = 'filings';

const DATA_COLUMNS = `
  filing_id bigint NOT NULL,
  branch_id text NOT NULL,
  period date NOT NULL`;

export const sql = `
CREATE TABLE hq_branches (
  branch_id text PRIMARY KEY CHECK (branch_id ~ '^[A-Za-z0-9_-]{1,64}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  city text,
  public_key_pem text NOT NULL,
  key_fingerprint text NOT NULL CHECK (key_fingerprint ~ '^[0-9a-f]{64}$'),
  token_sha256 text NOT NULL CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
  registered_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE hq_filings (
  filing_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  receipt_id uuid NOT NULL UNIQUE,
  idempotency_key text NOT NULL UNIQUE,
  branch_id text NOT NULL REFERENCES hq_branches,
  period date NOT NULL CHECK (extract(day FROM period) = 1),
  revision integer NOT NULL CHECK (revision > 0),
  draft boolean NOT NULL,
  reason text,
  bundle_sha256 text NOT NULL,
  manifest_sha256 text NOT NULL,
  key_fingerprint text NOT NULL,
  manifest jsonb NOT NULL,
  row_counts jsonb NOT NULL,
  received_at timestamptz NOT NULL,
  UNIQUE (branch_id, period, revision)
);

CREATE TABLE hq_current_filings (
  branch_id text NOT NULL REFERENCES hq_branches,
  period date NOT NULL,
  filing_id bigint NOT NULL UNIQUE REFERENCES hq_filings,
  revision integer NOT NULL,
  PRIMARY KEY (branch_id, period)
);

CREATE TABLE hq_kpis (${DATA_COLUMNS},
  kpi text NOT NULL,
  unit text NOT NULL,
  current double precision,
  previous double precision,
  last_year double precision
) PARTITION BY RANGE (period);

CREATE TABLE hq_tickets (${DATA_COLUMNS},
  ticket_no text NOT NULL,
  channel text NOT NULL,
  received_at timestamptz NOT NULL,
  phone text,
  customer_name text,
  city text,
  district text,
  category text,
  level text,
  status text,
  department text,
  assignee text,
  first_response_at timestamptz,
  resolved_at timestamptz,
  closed_at timestamptz,
  satisfaction text,
  is_repeat boolean,
  is_collective boolean,
  reopen_count integer,
  root_cause text,
  description text
) PARTITION BY RANGE (period);

CREATE TABLE hq_refunds (${DATA_COLUMNS},
  refund_id bigint NOT NULL,
  ticket_no text,
  channel text,
  type text NOT NULL,
  amount_fen bigint NOT NULL,
  status text NOT NULL,
  reverses_id bigint,
  submitted_at timestamptz,
  decided_at timestamptz,
  executed_at timestamptz,
  execute_due_at timestamptz,
  voucher_no text,
  reason text
) PARTITION BY RANGE (period);

CREATE TABLE hq_breaches (${DATA_COLUMNS},
  ticket_no text NOT NULL,
  channel text,
  clock text NOT NULL,
  due_at timestamptz,
  stopped_at timestamptz,
  category text,
  department text,
  assignee text,
  root_cause text
) PARTITION BY RANGE (period);

CREATE TABLE hq_warnings (${DATA_COLUMNS},
  raised_at timestamptz,
  category text,
  scope text,
  count double precision,
  baseline double precision,
  threshold double precision,
  level text
) PARTITION BY RANGE (period);

CREATE INDEX hq_kpis_filing ON hq_kpis (filing_id);
CREATE INDEX hq_tickets_filing ON hq_tickets (filing_id);
CREATE INDEX hq_refunds_filing ON hq_refunds (filing_id);
CREATE INDEX hq_breaches_filing ON hq_breaches (filing_id);
CREATE INDEX hq_warnings_filing ON hq_warnings (filing_id);

-- One month's partition of each data table, made before the month's first
-- filing (in its own short transaction: creating a partition locks the parent).
CREATE FUNCTION hq_ensure_month(p date) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  t text;
  part text;
BEGIN
  IF extract(day FROM p) <> 1 THEN
    RAISE EXCEPTION 'hq_ensure_month: % is not the first day of a month', p;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('hq_ensure_month'));
  FOREACH t IN ARRAY ARRAY['hq_kpis', 'hq_tickets', 'hq_refunds', 'hq_breaches', 'hq_warnings'] LOOP
    part := t || '_' || to_char(p, 'YYYY_MM');
    IF to_regclass(part) IS NULL THEN
      EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', part, t, p, (p + interval '1 month')::date);
    END IF;
  END LOOP;
END
$fn$;
`;
