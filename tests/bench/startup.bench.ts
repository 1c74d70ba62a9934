/**
 * Start-up: from launching the web host (`complaint-desk serve`, a new
 * process, sources compiled by tsx as `npm run web` runs them) to the first
 * page of the ticket list and the Today page's numbers answered over HTTP,
 * cold (the database's pages dropped from the OS cache first) and warm. Then
 * the resident memory of that process with the list open and scrolled.
 * The Today figure is every call the page makes (lib/today-calls.ts), sent together in the
 * page's order; `today_numbers` is when all but the foresight list (sent last) had answered. The
 * baseline is the same process doing nothing but answer `auth/status`
 * (`node` + tsx + the modules loaded): what the start path adds to it.
 * The host runs on a copy of the file (lib/bench-db.ts scratchCopy): it writes.
 *
 *   npx tsx tests/bench/startup.bench.ts --db /tmp/bench-1m.db [--quick]
 */
import { benchOptions, figure, loadLine, median, under } from './lib/figures';
import { cpuMs, dropFromPageCache, login, rssBytes, startHost } from './lib/host';
import { FORESIGHT_CALL, TODAY_CALLS } from './lib/today-calls';
import { scratchCopy } from './lib/bench-db';

const opts = benchOptions();
// The host writes (sessions, audit, the monitor's alerts, its daily backup beside the file): it runs on a copy.
const scratch = scratchCopy(opts.db ?? '/tmp/bench-1m.db');
const file = scratch.file;
const runs = opts.quick ? 1 : 3;

async function once(cold: boolean) {
  if (cold) dropFromPageCache(file);
  const host = await startHost(file);
  try {
    const beforeLogin = performance.now();
    const call = await login(host.url);
    // The password's scrypt hash is deliberately slow (~0.1 s of CPU): a fixed cost, not the database's.
    const loginMs = performance.now() - beforeLogin;
    await call('tickets/list', { offset: 0, limit: 100 });
    const firstPageMs = performance.now() - host.startedAt;
    const firstPageCpuMs = cpuMs(host.child.pid!);
    // Sent together in the page's order; the numbers are every call but the foresight list, which comes last.
    let numbersMs = 0;
    await Promise.all(
      TODAY_CALLS.map(async (c) => {
        await call(c[0], c[1]);
        if (c !== FORESIGHT_CALL) numbersMs = Math.max(numbersMs, performance.now() - host.startedAt);
      }),
    );
    const todayMs = performance.now() - host.startedAt;
    // The list open and scrolled: a few blocks near the top, one deep, one at the end.
    for (const offset of [100, 200, 300, 500_000, 999_900]) await call('tickets/list', { offset, limit: 100 });
    await call('tickets/get', { id: 1 });
    const rss = rssBytes(host.child.pid!);
    return { answeredMs: host.answeredMs, loginMs, firstPageMs, firstPageCpuMs, numbersMs, todayMs, rss };
  } finally {
    await host.stop();
  }
}

console.log(`start-up of the web host on ${file}; ${loadLine()}`);
const cold = [];
const warm = [];
try {
  for (let i = 0; i < runs; i++) {
    cold.push(await once(true));
    warm.push(await once(false));
  }
} finally {
  scratch.dispose();
}
const med = (xs: Array<Record<string, number>>, k: string) => median(xs.map((x) => x[k]!));
for (const [name, xs] of [
  ['cold', cold],
  ['warm', warm],
] as const) {
  const first = med(xs, 'firstPageMs');
  const answered = med(xs, 'answeredMs');
  figure(`startup.${name}.first_page`, first, 'ms', {
    baseline: { name: 'the host answering its first call', value: answered },
    targets: [under(first, 2000, 'ms')],
    note: `runs: ${xs.map((x) => x.firstPageMs.toFixed(0)).join(', ')}; of which the login (scrypt) ${med(xs, 'loginMs').toFixed(0)} ms`,
  });
  // CPU time of the host process to its first page: what a loaded machine stretches into the wall time above.
  figure(`startup.${name}.first_page_cpu`, med(xs, 'firstPageCpuMs'), 'ms', { targets: [under(med(xs, 'firstPageCpuMs'), 2000, 'ms')] });
  figure(`startup.${name}.today_numbers`, med(xs, 'numbersMs'), 'ms', { targets: [under(med(xs, 'numbersMs'), 2000, 'ms')] });
  figure(`startup.${name}.today`, med(xs, 'todayMs'), 'ms', { targets: [under(med(xs, 'todayMs'), 2000, 'ms')] });
}
const rssMb = median(warm.map((x) => x.rss)) / 2 ** 20;
figure('services.rss_list_open', rssMb, 'MB', { targets: [under(rssMb, 300, 'MB')] });
