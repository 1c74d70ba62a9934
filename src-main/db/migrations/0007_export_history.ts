/**
 * The monthly bundles sent to headquarters: one row per revision of a month,
 * kept forever (a revision once made is what headquarters may have filed).
 * Self-contained: this migration imports nothing.
 */
export const name = 'export_history';

export const sql = /* sql */ `
CREATE TABLE export_revisions (
  id              INTEGER PRIMARY KEY,
  month           TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  revision        INTEGER NOT NULL CHECK (revision > 0),
  draft           INTEGER NOT NULL CHECK (draft IN (0,1)),
  reason          TEXT,
  -- SHA-256 over the data files' hashes: equal data, equal digest.
  data_digest     TEXT NOT NULL,
  manifest_sha256 TEXT NOT NULL,
  bundle_sha256   TEXT NOT NULL,
  bundle_bytes    INTEGER NOT NULL,
  -- The archived copy in the data folder (exports/<month>/<file name>).
  bundle_path     TEXT NOT NULL,
  key_fingerprint TEXT NOT NULL,
  row_counts      TEXT NOT NULL DEFAULT '{}',
  created_at      INTEGER NOT NULL,
  created_by      INTEGER REFERENCES users(id),
  UNIQUE (month, revision)
) STRICT;

CREATE TRIGGER export_revisions_no_update BEFORE UPDATE ON export_revisions
BEGIN SELECT RAISE(ABORT, 'export history is append-only'); END;
CREATE TRIGGER export_revisions_no_delete BEFORE DELETE ON export_revisions
BEGIN SELECT RAISE(ABORT, 'export history is append-only'); END;
`;
