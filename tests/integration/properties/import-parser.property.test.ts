/**
 * Property: an import of any CSV text — random cells under the real header,
 * random bytes, random quoting — ends in a report or a clear refusal
 * (`import_refused` with a sentence), never another exception; a refusal
 * writes no ticket, and a report's counts are what the database gained.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../../src-main/services/import/run';
import { DomainError } from '../../../src-main/core/errors';
import { messageFor } from '../../../src-main/core/messages';
import { tempDb, type TestDb } from '../../helpers/temp-db';
import { HEADER, csvText } from '../import/files';

let t: TestDb;
beforeAll(() => (t = tempDb()));
afterAll(() => t.close());

const tickets = () => (t.db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
let n = 0;

async function importText(bytes: Buffer): Promise<void> {
  const file = path.join(t.dir, `p${++n}.csv`);
  fs.writeFileSync(file, bytes);
  const before = tickets();
  try {
    const r = await importFile(t.ctx, null, file, { rejectsPath: path.join(t.dir, `p${n}-rejects.csv`) });
    expect(tickets() - before).toBe(r.inserted);
    for (const x of r.rejected) expect(x.reason).toMatch(/\S/);
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('import_refused');
    expect(messageFor(e as DomainError, 'zh-CN')).toMatch(/\S/);
    expect(tickets()).toBe(before);
  }
}

const cell = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('', '10086', '营业厅', '2026-11-01 09:00', '13812345678', '宽带', '=1+2', '"', '\r\n', '\u0000'),
);

describe('the import parser', () => {
  it('random rows under the real header', { timeout: 180_000 }, async () => {
    const rows = fc.array(fc.array(cell, { minLength: 0, maxLength: HEADER.length + 2 }), { maxLength: 15 });
    await fc.assert(fc.asyncProperty(rows, (r) => importText(Buffer.from(csvText([HEADER, ...r])))), { numRuns: 60, seed: 7 });
  });

  it('random bytes', { timeout: 180_000 }, async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), (b) => importText(Buffer.from(b))), { numRuns: 60, seed: 8 });
  });

  it('the real header followed by random text', { timeout: 180_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), (s) => importText(Buffer.from(csvText([HEADER]) + s))),
      { numRuns: 60, seed: 9 },
    );
  });
});
