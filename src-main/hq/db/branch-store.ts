/** Registered branches: who may send bundles, with which token and which Ed25519 public key. */
import type { HqPool } from './pool';

export interface BranchRecord {
  branchId: string;
  name: string;
  city: string | null;
  publicKeyPem: string;
  keyFingerprint: string;
  tokenSha256: string;
  registeredAt: Date;
  updatedAt: Date;
}

interface Row {
  branch_id: string;
  name: string;
  city: string | null;
  public_key_pem: string;
  key_fingerprint: string;
  token_sha256: string;
  registered_at: Date;
  updated_at: Date;
}

const toRecord = (r: Row): BranchRecord => ({
  branchId: r.branch_id,
  name: r.name,
  city: r.city,
  publicKeyPem: r.public_key_pem,
  keyFingerprint: r.key_fingerprint,
  tokenSha256: r.token_sha256,
  registeredAt: r.registered_at,
  updatedAt: r.updated_at,
});

export class BranchStore {
  constructor(private readonly pool: HqPool) {}

  async find(branchId: string): Promise<BranchRecord | null> {
    const r = await this.pool.query<Row>('SELECT * FROM hq_branches WHERE branch_id = $1', [branchId]);
    return r.rows[0] ? toRecord(r.rows[0]) : null;
  }

  async list(): Promise<BranchRecord[]> {
    return (await this.pool.query<Row>('SELECT * FROM hq_branches ORDER BY branch_id')).rows.map(toRecord);
  }

  /** Register a branch, or replace its name, key and token (a branch that lost its key file registers the new one). */
  async upsert(b: Omit<BranchRecord, 'registeredAt' | 'updatedAt'>, at: Date): Promise<{ created: boolean }> {
    const r = await this.pool.query<{ created: boolean }>(
      `INSERT INTO hq_branches (branch_id, name, city, public_key_pem, key_fingerprint, token_sha256, registered_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
       ON CONFLICT (branch_id) DO UPDATE SET name = excluded.name, city = excluded.city, public_key_pem = excluded.public_key_pem,
         key_fingerprint = excluded.key_fingerprint, token_sha256 = excluded.token_sha256, updated_at = excluded.updated_at
       RETURNING (xmax = 0) AS created`,
      [b.branchId, b.name, b.city, b.publicKeyPem, b.keyFingerprint, b.tokenSha256, at],
    );
    return { created: r.rows[0]!.created };
  }
}
