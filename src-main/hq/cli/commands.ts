/** The `hq` commands, one small block each. */
import type { ParseArgsConfig } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateHq, requireCurrentHqSchema } from '../db/migrate';
import { PgBundleStore } from '../services/filing';
import { writeProvinceWorkbook } from '../services/reports';
import { Receiver } from '../../hosts/receiver/server';
import { listBranches, registerBranch } from '../services/branches';
import { HqUsageError, readKeyFile, type HqCommandEnv } from './command';

export interface HqCommand {
  name: string[];
  usage: string;
  summary: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run: (env: HqCommandEnv) => Promise<number>;
}

const need = (env: HqCommandEnv, name: string, usage: string): string => {
  const v = env.values[name];
  if (typeof v !== 'string' || v === '') throw new HqUsageError(`--${name} is required. Usage: npm run hq -- ${usage}`);
  return v;
};

const migrate: HqCommand = {
  name: ['migrate'],
  usage: 'migrate',
  summary: "bring headquarters' schema to this program's version",
  options: {},
  async run(env) {
    const r = await migrateHq(env.pool());
    env.print(r, r.applied.length ? `schema ${r.from} → ${r.to}: ${r.applied.map((a) => `${String(a.version).padStart(4, '0')}_${a.name}`).join(', ')}` : `schema already at version ${r.to}`);
    return 0;
  },
};

const BRANCH_ADD = 'branch add --id ID --name NAME --key PUBLIC.pem [--city CITY] [--token TOKEN]';
const branchAdd: HqCommand = {
  name: ['branch', 'add'],
  usage: BRANCH_ADD,
  summary: 'register a branch (or replace its key and token); prints its token',
  options: { id: { type: 'string' }, name: { type: 'string' }, key: { type: 'string' }, city: { type: 'string' }, token: { type: 'string' } },
  async run(env) {
    const r = await registerBranch(
      env.pool(),
      {
        branchId: need(env, 'id', BRANCH_ADD),
        name: need(env, 'name', BRANCH_ADD),
        publicKey: readKeyFile(need(env, 'key', BRANCH_ADD)),
        city: (env.values.city as string | undefined) ?? null,
        token: (env.values.token as string | undefined) ?? null,
      },
      new Date(env.io.now()),
    );
    env.print(r, `${r.created ? 'registered' : 'updated'} ${r.branchId} (${r.name}), key ${r.fingerprint.slice(0, 16)}…\ntoken: ${r.token}`);
    return 0;
  },
};

const branchList: HqCommand = {
  name: ['branch', 'list'],
  usage: 'branch list',
  summary: 'the registered branches and their key fingerprints',
  options: {},
  async run(env) {
    const all = await listBranches(env.pool());
    env.print(
      all.map((b) => ({ branchId: b.branchId, name: b.name, city: b.city, fingerprint: b.keyFingerprint, registeredAt: b.registeredAt.toISOString() })),
      all.map((b) => `${b.branchId.padEnd(16)} ${b.keyFingerprint.slice(0, 16)}…  ${b.name}`).join('\n') || '(no branches)',
    );
    return 0;
  },
};

const REPORT = 'report --month YYYY-MM --out FILE.xlsx';
const report: HqCommand = {
  name: ['report'],
  usage: REPORT,
  summary: "the province's reports of a month as a workbook",
  options: { month: { type: 'string' }, out: { type: 'string' } },
  async run(env) {
    const month = need(env, 'month', REPORT);
    const out = path.resolve(need(env, 'out', REPORT));
    if (!fs.existsSync(path.dirname(out))) throw new HqUsageError(`No folder ${path.dirname(out)} for --out.`);
    await requireCurrentHqSchema(env.pool());
    const r = await writeProvinceWorkbook(env.pool(), month, out, new Date(env.io.now()));
    env.print(r, `${r.path}\n${r.sheets.map((s) => `  ${s.sheet}: ${s.rows} rows`).join('\n')}`);
    return 0;
  },
};

const serve: HqCommand = {
  name: ['serve'],
  usage: 'serve [--port P] [--host H] [--spool DIR]',
  summary: 'the receiver, filing bundles into PostgreSQL (admin and report endpoints with $HQ_ADMIN_TOKEN)',
  options: { port: { type: 'string' }, host: { type: 'string' }, spool: { type: 'string' } },
  async run(env) {
    const port = Number(env.values.port ?? 8470);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new HqUsageError(`--port ${String(env.values.port)} is not a port number.`);
    const pool = env.pool();
    await requireCurrentHqSchema(pool);
    const adminToken = env.io.env.HQ_ADMIN_TOKEN ?? '';
    const receiver = new Receiver({
      store: new PgBundleStore(pool),
      spool: (env.values.spool as string | undefined) ?? path.join(os.tmpdir(), `hq-receiver-${process.pid}`),
      admin: adminToken ? { token: adminToken, pool, now: env.io.now } : undefined,
      now: env.io.now,
      log: (l) => env.io.stderr(l + '\n'),
    });
    const url = await receiver.listen(port, (env.values.host as string | undefined) ?? '127.0.0.1');
    env.io.stderr(`receiving bundles at ${url}${adminToken ? '' : ' (no HQ_ADMIN_TOKEN: admin and report endpoints are off)'}\n`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await receiver.close();
    return 0;
  },
};

export const HQ_COMMANDS: HqCommand[] = [migrate, branchAdd, branchList, report, serve];
