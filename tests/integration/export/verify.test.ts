/** verify: a good bundle passes; any changed byte, missing or extra file, wrong key or broken zip fails with each problem named. */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDb, type TestDb } from '../../helpers/temp-db';
import { NOW } from '../reports/fixture';
import { exportOctober, seedBranchOctober } from './fixture';
import { unzipAll, zipAll, zipBomb } from './zip-tools';
import { verifyBundle } from '../../../src-main/services/export/verify';

let t: TestDb;
let bundle: string;
let entries: Map<string, Buffer>;
beforeAll(async () => {
  t = tempDb(NOW);
  seedBranchOctober(t);
  bundle = (await exportOctober(t)).path;
  entries = await unzipAll(bundle);
});
afterAll(() => t.close());

let n = 0;
async function changed(edit: (m: Map<string, Buffer>) => void): Promise<string> {
  const copy = new Map([...entries].map(([k, v]) => [k, Buffer.from(v)]));
  edit(copy);
  const file = path.join(t.dir, `changed-${++n}.zip`);
  await zipAll(file, copy);
  return file;
}
const flipByte = (name: string, at = 10) => (m: Map<string, Buffer>) => {
  const b = m.get(name)!;
  b[at] = b[at]! ^ 0x01;
};

describe('verify', () => {
  it('passes the bundle as written, against the embedded key and against the branch key given', async () => {
    expect(await verifyBundle(bundle)).toMatchObject({ ok: true, problems: [] });
    const pub = crypto.createPublicKey(crypto.createPrivateKey(fs.readFileSync(path.join(t.dir, 'keys', 'branch-signing-key.pem'))));
    expect(await verifyBundle(bundle, pub)).toMatchObject({ ok: true, problems: [] });
  });

  it('passes the same files zipped again differently (the zip is a container; the files are what is signed)', async () => {
    expect(await verifyBundle(await changed(() => {}))).toMatchObject({ ok: true });
  });

  for (const name of ['report.xlsx', 'data/tickets.jsonl', 'data/kpis.jsonl', 'data/refunds.jsonl', 'data/breaches.jsonl']) {
    it(`fails when one byte of ${name} changed`, async () => {
      const r = await verifyBundle(await changed(flipByte(name)));
      expect(r.ok).toBe(false);
      expect(r.problems).toEqual([expect.objectContaining({ code: 'file_changed', path: name })]);
    });
  }

  it('fails when one byte of the manifest changed: the signature no longer holds', async () => {
    const r = await verifyBundle(await changed((m) => {
      m.set('manifest.json', Buffer.from(m.get('manifest.json')!.toString().replace('"rows": 7', '"rows": 8')));
    }));
    expect(r.problems).toEqual([{ code: 'signature_invalid' }]);
  });

  it('fails when the signature changed or is missing', async () => {
    const sig = entries.get('manifest.sig')!.toString().trim();
    const other = Buffer.from(sig, 'base64');
    other[5] = other[5]! ^ 0x80;
    expect((await verifyBundle(await changed((m) => m.set('manifest.sig', Buffer.from(other.toString('base64')))))).problems).toEqual([{ code: 'signature_invalid' }]);
    expect((await verifyBundle(await changed((m) => m.delete('manifest.sig')))).problems).toEqual([{ code: 'signature_missing' }]);
  });

  it('fails on a missing file and on an extra one, naming each', async () => {
    const r = await verifyBundle(await changed((m) => {
      m.delete('data/refunds.jsonl');
      m.set('data/notes.txt', Buffer.from('hello'));
    }));
    expect(r.problems).toEqual([
      { code: 'file_missing', path: 'data/refunds.jsonl' },
      { code: 'file_extra', path: 'data/notes.txt' },
    ]);
  });

  it('fails against another key, even when the bundle was re-signed with that key', async () => {
    const other = crypto.generateKeyPairSync('ed25519');
    expect((await verifyBundle(bundle, other.publicKey)).problems).toEqual([
      expect.objectContaining({ code: 'key_mismatch' }),
      { code: 'signature_invalid' },
    ]);
  });

  it('refuses a file that is not a zip, and a zip bomb before inflating it', async () => {
    const junk = path.join(t.dir, 'junk.zip');
    fs.writeFileSync(junk, 'PK not really a zip');
    expect((await verifyBundle(junk)).problems).toEqual([expect.objectContaining({ code: 'not_a_zip' })]);
    const bomb = path.join(t.dir, 'bomb.zip');
    await zipBomb(bomb, 64);
    expect(fs.statSync(bomb).size).toBeLessThan(200_000);
    expect((await verifyBundle(bomb)).problems).toEqual([expect.objectContaining({ code: 'too_large' })]);
  });

  it('fails when no manifest is there', async () => {
    expect((await verifyBundle(await changed((m) => m.delete('manifest.json')))).problems).toEqual([{ code: 'manifest_missing' }]);
  });
});
