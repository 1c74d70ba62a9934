/** The web host as a user starts it (`complaint-desk serve`), in its own process, and a logged-in HTTP client for it. */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { BENCH_USER } from './bench-db';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** Drop this file's pages from the OS cache (GNU dd's nocache), so the next open reads the disk: a cold start. */
export function dropFromPageCache(file: string): void {
  for (const f of [file, `${file}-wal`]) {
    if (fs.existsSync(f)) execFileSync('dd', [`if=${f}`, 'iflag=nocache', 'count=0', 'status=none']);
  }
}

export interface RunningHost {
  url: string;
  child: ChildProcess;
  /** Milliseconds from spawn to the first answered API call. */
  answeredMs: number;
  startedAt: number;
  stop(): Promise<void>;
}

export async function startHost(db: string): Promise<RunningHost> {
  const port = await freePort();
  const startedAt = performance.now();
  const child = spawn(process.execPath, ['bin/complaint-desk.mjs', 'serve', '--db', db, '--port', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the host exited: ${stderr}`);
    try {
      const r = await fetch(`${url}/api/auth/status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - startedAt > 120_000) throw new Error(`the host did not answer in 2 minutes: ${stderr}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  const answeredMs = performance.now() - startedAt;
  return {
    url,
    child,
    answeredMs,
    startedAt,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A logged-in client over HTTP, as the renderer calls the host. */
export async function login(url: string): Promise<(method: string, input?: unknown) => Promise<unknown>> {
  const post = async (method: string, input: unknown, cookie?: string) =>
    fetch(`${url}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(input ?? {}),
    });
  const r = await post('auth/login', BENCH_USER);
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0]!;
  const body = (await r.json()) as { ok: boolean; error?: { message: string } };
  if (!body.ok) throw new Error(`login: ${body.error?.message}`);
  return async (method, input) => {
    const res = (await (await post(method, input, cookie)).json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    if (!res.ok) throw new Error(`${method}: ${res.error?.message}`);
    return res.value;
  };
}

export function rssBytes(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

/** CPU time (user + system) the process has used so far, from /proc (clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // After "pid (comm) ": state is field 0, utime field 11, stime field 12.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
