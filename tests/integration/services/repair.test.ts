/**
 * A database an older console left half-seeded (tickets committed, their
 * clocks not) is put right at open: the tickets get their clocks, and `sla`
 * sees them again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/main';
import { openDatabase } from '../../../src-main/db/open';
import { createContext } from '../../../src-main/services/context';
import { repairMissingClocks } from '../../../src-main/services/repair';
import { seedTickets } from '../../../src-main/services/seed';
import { PINNED_NOW, tempDir } from '../../helpers/temp-db';

let dir: string;
let file: string;
beforeEach(() => {
  dir = tempDir();
  file = path.join(dir, 'desk.db');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const DAY = 86_400_000;
const withDb = <T>(fn: (ctx: ReturnType<typeof createContext>) => T): T => {
  const db = openDatabase(file);
  try {
    const ctx = createContext(db, () => PINNED_NOW);
    ctx.categories.seedDefaults();
    return fn(ctx);
  } finally {
    db.close();
  }
};
const count = (ctx: ReturnType<typeof createContext>, sql: string) => (ctx.db.prepare(sql).get() as { n: number }).n;
const UNCLOCKED = `SELECT count(*) AS n FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM ticket_clocks c WHERE c.ticket_id = t.id AND c.clock <> 'refund')`;

async function sla() {
  let out = '';
  const code = await runCli(['sla', '--db', file, '--json'], { stdout: (s) => (out += s), stderr: () => {}, env: { LANG: 'en_US.UTF-8' }, now: () => PINNED_NOW });
  expect(code).toBe(0);
  return JSON.parse(out) as { approaching: unknown[]; breached: unknown[] };
}

describe('tickets without their clocks', () => {
  it('are found at open and given their clocks; the scan then starts after the last ticket checked', () => {
    const expected = withDb((ctx) => {
      seedTickets(ctx, null, { tickets: 400, seed: 5, months: 1, end: PINNED_NOW - DAY / 2 });
      const clocks = count(ctx, `SELECT count(*) AS n FROM ticket_clocks WHERE clock <> 'refund'`);
      // What a seed killed between its tickets and its clocks left behind (the old console committed them apart).
      ctx.db.prepare(`DELETE FROM ticket_clocks WHERE clock <> 'refund' AND ticket_id > 250`).run();
      ctx.db.prepare(`UPDATE tickets SET due_at = NULL, due_clock = NULL, warn_at = NULL WHERE id > 250`).run();
      expect(count(ctx, UNCLOCKED)).toBe(150);
      return clocks;
    });
    withDb((ctx) => {
      expect(repairMissingClocks(ctx)).toEqual({ repaired: 150, checkedThrough: 400 });
      expect(count(ctx, UNCLOCKED)).toBe(0);
      expect(count(ctx, `SELECT count(*) AS n FROM ticket_clocks WHERE clock <> 'refund'`)).toBe(expected);
      // Nothing new since: the next open checks nothing.
      expect(repairMissingClocks(ctx)).toEqual({ repaired: 0, checkedThrough: 400 });
    });
  });

  it('a CLI command opening the database repairs it first, so `sla` shows what is due again', async () => {
    withDb((ctx) => seedTickets(ctx, null, { tickets: 300, seed: 9, months: 1, end: PINNED_NOW - DAY / 2 }));
    const whole = await sla();
    expect(whole.breached.length + whole.approaching.length).toBeGreaterThan(0);
    withDb((ctx) => {
      ctx.db.prepare(`DELETE FROM ticket_clocks WHERE clock <> 'refund'`).run();
      ctx.db.prepare(`DELETE FROM settings WHERE key = 'integrity.clocksCheckedThrough'`).run();
    });
    expect(await sla()).toEqual(whole);
  });
});
