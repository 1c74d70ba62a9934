/**
 * Filing into PostgreSQL through the receiver: a real bundle made by the
 * console's export (the hand-worked October of tests/integration/reports),
 * sent by raw HTTP and by the console's own outbox; concurrent duplicates;
 * revisions; and every refusal leaves nothing stored.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tempPg, type TempPg } from './support/temp-pg';
import { NOW, octoberBundle, upload, uploadHeaders, type BranchBundle } from './support/branch-bundle';
import { exportOctober, outDir, seedBranchOctober } from '../integration/export/fixture';
import { tempDb } from '../helpers/temp-db';
import { unzipAll, zipAll } from '../integration/export/zip-tools';
import { Receiver } from '../../src-main/hosts/receiver/server';
import { PgBundleStore } from '../../src-main/hq/services/filing';
import { registerBranch } from '../../src-main/hq/services/branches';
import { OutboxWorker, queueUpload, saveUploadSettings } from '../../src-main/services/export/outbox';
import { OutboxStore } from '../../src-main/db/outbox-store';
import { keyFilePath } from '../../src-main/services/export/keys';
import { signBytes } from '../../src-main/services/export/signature';
import { serializeManifest, type Manifest } from '../../src-main/core/export/manifest';
import { provinceReportJson } from '../../src-main/hq/services/reports';

const TOKEN = 'fs-cc-token-0123456789';
const ADMIN = 'admin-token-abcdefghij';
let db: TempPg;
let receiver: Receiver;
let url: string;
let branch: BranchBundle & { seeded: { ticketIds: Record<string, number> } };

beforeAll(async () => {
  db = await tempPg();
  branch = await octoberBundle();
  receiver = new Receiver({ store: new PgBundleStore(db.pool), spool: path.join(branch.t.dir, 'spool'), admin: { token: ADMIN, pool: db.pool, now: () => NOW }, now: () => NOW });
  url = await receiver.listen();
});
afterAll(async () => {
  await receiver.close();
  await db.drop();
  branch.close();
});

async function emptyAll() {
  await db.pool.query('TRUNCATE hq_current_filings, hq_filings, hq_kpis, hq_tickets, hq_refunds, hq_breaches, hq_warnings, hq_branches CASCADE');
}
beforeEach(async () => {
  await emptyAll();
  await registerBranch(db.pool, { branchId: 'FS-CC', name: '佛山禅城分公司', city: '佛山', publicKey: branch.publicKeyPem, token: TOKEN }, new Date(NOW));
});

const count = async (table: string) => (await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
/** Everything a bundle could have stored. */
const storedRows = async () => ({
  filings: await count('hq_filings'),
  current: await count('hq_current_filings'),
  kpis: await count('hq_kpis'),
  tickets: await count('hq_tickets'),
  refunds: await count('hq_refunds'),
  breaches: await count('hq_breaches'),
  warnings: await count('hq_warnings'),
});
const NOTHING = { filings: 0, current: 0, kpis: 0, tickets: 0, refunds: 0, breaches: 0, warnings: 0 };

async function manifestOf(file: string) {
  return JSON.parse((await unzipAll(file)).get('manifest.json')!.toString('utf8')) as {
    files: { path: string; rows: number | null }[];
    revision: number;
  };
}
const rowsIn = async (file: string, p: string) => (await manifestOf(file)).files.find((f) => f.path === p)!.rows;

describe('filing a console bundle into PostgreSQL', () => {
  it('files every line of every machine file in one filing and answers 201 with the receipt', async () => {
    const r = await upload(url, branch.path, TOKEN);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ branchId: 'FS-CC', month: '2026-10', revision: 1, draft: false, receivedAt: new Date(NOW).toISOString() });
    const stored = await storedRows();
    // The October fixture: its manifest's counts, every one arrived (12 KPI lines always).
    expect(stored).toEqual({
      filings: 1,
      current: 1,
      kpis: 12,
      tickets: await rowsIn(branch.path, 'data/tickets.jsonl'),
      refunds: 2,
      breaches: await rowsIn(branch.path, 'data/breaches.jsonl'),
      warnings: await rowsIn(branch.path, 'data/warnings.jsonl'),
    });
    expect(stored.tickets).toBeGreaterThan(5);
    // Typed columns: fen as integers, instants as timestamptz, masked names as the console wrote them.
    const refunds = await db.pool.query(`SELECT type, amount_fen::int AS fen, status, voucher_no FROM hq_refunds ORDER BY decided_at`);
    expect(refunds.rows).toEqual([
      { type: 'overcharge', fen: 12345, status: 'executed', voucher_no: 'V-001' },
      { type: 'goodwill_credit', fen: 2000, status: 'approved', voucher_no: null },
    ]);
    const t1 = await db.pool.query(`SELECT customer_name, phone, received_at, period::text, branch_id FROM hq_tickets WHERE ticket_no = 'T1'`);
    expect(t1.rows).toEqual([{ customer_name: '张**', phone: '139****5678', received_at: new Date('2026-10-05T02:00:00Z'), period: '2026-10-01', branch_id: 'FS-CC' }]);
    const filing = await db.pool.query(`SELECT receipt_id::text, revision, reason, row_counts FROM hq_filings`);
    expect(filing.rows[0]).toMatchObject({ receipt_id: r.body.receiptId, revision: 1, reason: null, row_counts: { 'data/refunds.jsonl': 2, 'data/kpis.jsonl': 12 } });
    // Into the month's partition.
    expect(await count('hq_tickets_2026_10')).toBe(stored.tickets);
  });

  it('the province view of the filed month agrees with the branch\'s own KPI file on every count both compute', async () => {
    expect((await upload(url, branch.path, TOKEN)).status).toBe(201);
    const own = Object.fromEntries(
      (await unzipAll(branch.path)).get('data/kpis.jsonl')!.toString('utf8').trim().split('\n').map((l) => {
        const k = JSON.parse(l) as { kpi: string; current: number | null };
        return [k.kpi, k.current];
      }),
    );
    const [row] = (await provinceReportJson(db.pool, 'kpi-by-branch', '2026-10')).rows;
    expect(row).toMatchObject({
      branch_id: 'FS-CC',
      total: own.total,
      resolution_rate: own.resolutionRate,
      repeat_rate: own.repeatRate,
      overlevel_rate: own.overlevelRate,
      satisfaction_rate: own.satisfactionRate,
      breached: own.breached,
      reported_timeliness_rate: own.timelinessRate,
    });
    expect(row!.response_mean_hours).toBeCloseTo((own.responseMeanMs as number) / 3_600_000, 6);
    expect(row!.handling_mean_hours).toBeCloseTo((own.handlingMeanMs as number) / 3_600_000, 6);
  });

  it('is what the console\'s own outbox sends: queued, uploaded, sent with the receipt', async () => {
    saveUploadSettings(branch.t.ctx, null, { url, token: TOKEN });
    const item = queueUpload(branch.t.ctx, '2026-10', null, null);
    await new OutboxWorker(branch.t.ctx, { random: () => 0.5, setTimer: () => ({ clear() {} }), timeoutMs: 20_000 }).wake();
    const sent = new OutboxStore(branch.t.db).get(item.id)!;
    expect(sent).toMatchObject({ state: 'sent', receipt: { idempotencyKey: item.idempotencyKey, revision: 1 } });
    expect(await count('hq_filings')).toBe(1);
  });

  it('files concurrent duplicates once: one 201, every other copy 200 with the first receipt (five rounds)', async () => {
    // Several rounds: a copy racing the first one's INSERT once came back as a revision conflict (409).
    for (let round = 0; round < 5; round++) {
      if (round > 0) {
        await emptyAll();
        await registerBranch(db.pool, { branchId: 'FS-CC', name: '佛山禅城分公司', publicKey: branch.publicKeyPem, token: TOKEN }, new Date(NOW));
      }
      const answers = await Promise.all(Array.from({ length: 8 }, () => upload(url, branch.path, TOKEN)));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
      const first = answers.find((a) => a.status === 201)!.body;
      for (const a of answers) expect(a.body).toEqual(first);
      const stored = await storedRows();
      expect(stored.filings).toBe(1);
      expect(stored.tickets).toBe(await rowsIn(branch.path, 'data/tickets.jsonl'));
      expect(stored.kpis).toBe(12);
      // And a retry later: the same receipt, nothing filed.
      const again = await upload(url, branch.path, TOKEN);
      expect(again).toEqual({ status: 200, body: first });
      expect(await storedRows()).toEqual(stored);
    }
  });

  it('a new revision replaces the month in the current view; history keeps both with the reason', async () => {
    const r1 = await upload(url, branch.path, TOKEN);
    expect(r1.status).toBe(201);
    // The branch corrects a ticket and sends the month again.
    branch.t.db.prepare(`UPDATE tickets SET root_cause = '基站故障（复核）' WHERE id = ?`).run(branch.seeded.ticketIds.T1);
    const second = await exportOctober(branch.t, { reason: '复核后更正问题原因', out: outDir(branch.t, 'out-r2') });
    expect(second.revision).toBe(2);
    const r2 = await upload(url, second.path, TOKEN);
    expect(r2.status).toBe(201);
    expect(r2.body).toMatchObject({ revision: 2 });
    const history = await db.pool.query(`SELECT revision, reason FROM hq_filings ORDER BY revision`);
    expect(history.rows).toEqual([
      { revision: 1, reason: null },
      { revision: 2, reason: '复核后更正问题原因' },
    ]);
    const current = await db.pool.query(
      `SELECT f.revision, t.root_cause FROM hq_current_filings c JOIN hq_filings f USING (filing_id) JOIN hq_tickets t USING (filing_id) WHERE t.ticket_no = 'T1'`,
    );
    expect(current.rows).toEqual([{ revision: 2, root_cause: '基站故障（复核）' }]);
    // A late retry of revision 1 is answered with its receipt and does not bring it back.
    expect((await upload(url, branch.path, TOKEN)).status).toBe(200);
    expect((await db.pool.query(`SELECT revision FROM hq_current_filings`)).rows).toEqual([{ revision: 2 }]);
    // Both revisions' rows stay (history), the current view reads one.
    const tickets = await rowsIn(branch.path, 'data/tickets.jsonl');
    expect(await count('hq_tickets')).toBe(2 * tickets!);
  });
});

describe('refusals store nothing', () => {
  it('an unregistered branch: 401 unknown_branch', async () => {
    await db.pool.query(`DELETE FROM hq_branches`);
    const r = await upload(url, branch.path, TOKEN);
    expect(r).toEqual({ status: 401, body: { error: { code: 'unknown_branch', message: 'Branch FS-CC is not registered at headquarters; nothing was stored.' } } });
    expect(await storedRows()).toEqual(NOTHING);
  });

  it('a wrong token: 401 unauthorized', async () => {
    const r = await upload(url, branch.path, 'not-the-token-of-fs-cc');
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({ error: { code: 'unauthorized' } });
    expect(await storedRows()).toEqual(NOTHING);
  });

  it('a changed byte in a machine file: 422 bundle_invalid, the checksum named', async () => {
    const entries = await unzipAll(branch.path);
    const tickets = Buffer.from(entries.get('data/tickets.jsonl')!);
    tickets[tickets.indexOf('"T1"') + 2] = 'X'.charCodeAt(0);
    entries.set('data/tickets.jsonl', tickets);
    const tampered = path.join(branch.t.dir, 'tampered.zip');
    await zipAll(tampered, entries);
    const r = await upload(url, tampered, TOKEN);
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ error: { code: 'bundle_invalid', problems: [{ code: 'file_changed', path: 'data/tickets.jsonl' }] } });
    expect(await storedRows()).toEqual(NOTHING);
  });

  it('a bundle signed by another key than the one registered: 422, signature refused', async () => {
    const other = crypto.generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    await registerBranch(db.pool, { branchId: 'FS-CC', name: '佛山禅城分公司', publicKey: other, token: TOKEN }, new Date(NOW));
    const r = await upload(url, branch.path, TOKEN);
    expect(r.status).toBe(422);
    const codes = ((r.body.error as { problems: { code: string }[] }).problems).map((p) => p.code).sort();
    expect(codes).toEqual(['key_mismatch', 'signature_invalid']);
    expect(await storedRows()).toEqual(NOTHING);
  });

  it('a body cut short: 400 body_incomplete', async () => {
    const headers = await uploadHeaders(branch.path, TOKEN);
    const bytes = fs.readFileSync(branch.path);
    const res = await fetch(url, { method: 'POST', headers, body: bytes.subarray(0, bytes.length - 100) });
    expect(res.status).toBe(400);
    expect(await storedRows()).toEqual(NOTHING);
  });

  it('a signed bundle whose machine file PostgreSQL cannot take: 422 bundle_unreadable, the line named, nothing stored', async () => {
    const entries = await unzipAll(branch.path);
    const lines = entries.get('data/tickets.jsonl')!.toString('utf8').split('\n');
    lines[1] = lines[1]!.replace(/"reopen_count":\d+/, '"reopen_count":"many"');
    const tickets = Buffer.from(lines.join('\n'));
    entries.set('data/tickets.jsonl', tickets);
    // Signed by the branch's own key: it passes verification and fails only at the COPY.
    const m = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as Manifest;
    const f = m.files.find((x) => x.path === 'data/tickets.jsonl')!;
    f.sha256 = crypto.createHash('sha256').update(tickets).digest('hex');
    f.bytes = tickets.length;
    const manifestBytes = Buffer.from(serializeManifest(m));
    entries.set('manifest.json', manifestBytes);
    entries.set('manifest.sig', Buffer.from(signBytes(crypto.createPrivateKey(fs.readFileSync(keyFilePath(branch.t.dir))), manifestBytes)));
    const bad = path.join(branch.t.dir, 'unreadable.zip');
    await zipAll(bad, entries);
    const r = await upload(url, bad, TOKEN);
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ error: { code: 'bundle_unreadable' } });
    expect((r.body.error as { message: string }).message).toMatch(/reopen_count|integer/);
    expect(await storedRows()).toEqual(NOTHING);
  });

  it('another bundle claiming a revision already filed: 409 revision_conflict, the first stays', async () => {
    expect((await upload(url, branch.path, TOKEN)).status).toBe(201);
    const before = await storedRows();
    // The same month and revision with other contents, signed by the same key: the branch's key
    // file used by a console that lost its export history (a database restored from an old backup).
    const restored = tempDb(NOW);
    try {
      const seeded = seedBranchOctober(restored);
      restored.db.prepare(`UPDATE tickets SET root_cause = '另一内容' WHERE id = ?`).run(seeded.ticketIds.T1);
      fs.cpSync(path.join(branch.t.dir, 'keys'), path.join(restored.dir, 'keys'), { recursive: true });
      const clash = await exportOctober(restored);
      expect(clash.revision).toBe(1);
      const r = await upload(url, clash.path, TOKEN);
      expect(r.status).toBe(409);
      expect(r.body).toMatchObject({ error: { code: 'revision_conflict' } });
    } finally {
      restored.close();
    }
    expect(await storedRows()).toEqual(before);
  });
});

describe('a bundle format newer than the schema', () => {
  it('files the machine files the schema has tables for and leaves the others in the manifest', async () => {
    const older = await tempPg();
    try {
      // A schema without the warnings table stands for one that predates a machine file.
      await older.pool.query('DROP TABLE hq_warnings CASCADE');
      await older.pool.query(`CREATE OR REPLACE FUNCTION hq_ensure_month(p date) RETURNS void LANGUAGE plpgsql AS $fn$
        DECLARE t text; BEGIN
          FOREACH t IN ARRAY ARRAY['hq_kpis', 'hq_tickets', 'hq_refunds', 'hq_breaches'] LOOP
            EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', t || '_' || to_char(p, 'YYYY_MM'), t, p, (p + interval '1 month')::date);
          END LOOP;
        END $fn$`);
      await registerBranch(older.pool, { branchId: 'FS-CC', name: '佛山禅城分公司', publicKey: branch.publicKeyPem, token: TOKEN }, new Date(NOW));
      const other = new Receiver({ store: new PgBundleStore(older.pool), spool: path.join(branch.t.dir, 'spool-older'), now: () => NOW, log: (l) => console.error(l) });
      const otherUrl = await other.listen();
      try {
        expect((await upload(otherUrl, branch.path, TOKEN)).status).toBe(201);
      } finally {
        await other.close();
      }
      const f = await older.pool.query<{ row_counts: Record<string, number> }>('SELECT row_counts FROM hq_filings');
      expect(Object.keys(f.rows[0]!.row_counts).sort()).toEqual(['data/breaches.jsonl', 'data/kpis.jsonl', 'data/refunds.jsonl', 'data/tickets.jsonl']);
      expect((await older.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM hq_tickets')).rows[0]!.n).toBe(await rowsIn(branch.path, 'data/tickets.jsonl'));
    } finally {
      await older.drop();
    }
  });
});

describe('admin endpoint: registering a branch', () => {
  const post = (body: unknown, token = ADMIN) =>
    fetch(url.replace('/bundles', '/admin/branches'), { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'accept-language': 'en' }, body: JSON.stringify(body) });

  it('refuses a caller without the admin token, and registers a branch for one with it', async () => {
    await db.pool.query(`DELETE FROM hq_branches`);
    const body = { branchId: 'FS-CC', name: '佛山禅城分公司', publicKey: branch.publicKeyPem, token: TOKEN };
    const denied = await post(body, 'wrong-admin-token');
    expect(denied.status).toBe(401);
    expect(await count('hq_branches')).toBe(0);
    const ok = await post(body);
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ branchId: 'FS-CC', created: true, token: TOKEN });
    expect((await upload(url, branch.path, TOKEN)).status).toBe(201);
    const bad = await post({ ...body, publicKey: 'not a key' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'public_key_invalid' } });
    const list = await fetch(url.replace('/bundles', '/admin/branches'), { headers: { authorization: `Bearer ${ADMIN}` } });
    expect(await list.json()).toEqual([expect.objectContaining({ branchId: 'FS-CC', city: null })]);
  });
});
