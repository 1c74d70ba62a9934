/**
 * A throwaway PostgreSQL cluster for the headquarters tests and benchmark:
 * initdb into a fresh temp folder, a server listening only on a Unix socket in
 * that folder (no TCP port, so parallel runs never meet), trust auth for the
 * one role `hq`, and everything removed on stop. A test run therefore never
 * touches a database it did not create.
 *
 * initdb refuses to run as root, and CI runs as root: then the cluster is
 * made and run as the unprivileged `nobody` (runuser), the folder handed to it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface PgCluster {
  /** The socket folder: pg's `host`. */
  host: string;
  port: number;
  user: string;
  /** A connection string to the maintenance database `postgres`. */
  url(database?: string): string;
  stop(): void;
}

export const INSTALL_HINT =
  'PostgreSQL server binaries (initdb, pg_ctl) were not found, and the headquarters tests need them to start a throwaway cluster.\n' +
  'Install PostgreSQL:  sudo apt-get install -y postgresql   (Debian/Ubuntu; other systems: the postgresql server package)\n' +
  'or point PG_BINDIR at the folder holding initdb and pg_ctl.';

/** The folder holding initdb and pg_ctl: $PG_BINDIR, Debian's newest /usr/lib/postgresql/N/bin, or pg_config's. */
export function findPgBinDir(): string | null {
  const has = (d: string | undefined | null) => !!d && fs.existsSync(path.join(d, 'initdb')) && fs.existsSync(path.join(d, 'pg_ctl'));
  if (process.env.PG_BINDIR) return has(process.env.PG_BINDIR) ? process.env.PG_BINDIR : null;
  const debian = '/usr/lib/postgresql';
  if (fs.existsSync(debian)) {
    const versions = fs.readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (has(path.join(debian, v, 'bin'))) return path.join(debian, v, 'bin');
  }
  const r = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const dir = r.status === 0 ? r.stdout.trim() : null;
  return has(dir) ? dir : null;
}

export interface ClusterOptions {
  /** Durability off (fsync, synchronous_commit): for tests. The benchmark keeps the defaults. */
  fast?: boolean;
  /** Extra `-c name=value` settings. */
  settings?: Record<string, string | number>;
}

export function startCluster(opts: ClusterOptions = {}): PgCluster {
  const bin = findPgBinDir();
  if (!bin) throw new Error(INSTALL_HINT);
  const asRoot = process.getuid?.() === 0;
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'hq-pg-'));
  const data = path.join(base, 'data');
  const run = (cmd: string, args: string[]) => {
    const full = asRoot ? ['runuser', ['-u', 'nobody', '--', cmd, ...args]] : [cmd, args];
    return execFileSync(full[0] as string, full[1] as string[], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  };
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'nobody'], { encoding: 'utf8' }).trim());
    fs.chownSync(base, uid, gid);
  }
  fs.chmodSync(base, 0o700);
  const port = 5432;
  try {
    run(path.join(bin, 'initdb'), ['-D', data, '-U', 'hq', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-instructions']);
    const settings: Record<string, string | number> = {
      listen_addresses: "''",
      unix_socket_directories: `'${base}'`,
      port,
      max_connections: 60,
      ...(opts.fast ? { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' } : {}),
      ...opts.settings,
    };
    const o = Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`).join(' ');
    run(path.join(bin, 'pg_ctl'), ['-D', data, '-o', o, '-l', path.join(base, 'server.log'), '-w', '-t', '120', 'start']);
  } catch (e) {
    const log = path.join(base, 'server.log');
    const detail = fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '';
    fs.rmSync(base, { recursive: true, force: true });
    const err = e as { stderr?: string; message: string };
    throw new Error(`could not start a throwaway PostgreSQL cluster: ${err.stderr ?? err.message}\n${detail}`);
  }
  let stopped = false;
  return {
    host: base,
    port,
    user: 'hq',
    url: (database = 'postgres') => `postgresql://hq@localhost/${database}?host=${encodeURIComponent(base)}&port=${port}`,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        fs.rmSync(base, { recursive: true, force: true });
      }
    },
  };
}
