import { openDatabase } from './src-main/db/open';
import { createContext } from './src-main/services/context';
import { createApiServer } from './src-main/api/server';
import { TicketReader } from './src-main/db/ticket-reader';
const db = openDatabase(process.argv[2]!, { integrity: 'skip' });
const newest = (db.prepare('SELECT max(received_at) AS t FROM tickets').get() as { t: number }).t;
const ctx = createContext(db, () => newest + 60000);
const api = createApiServer(ctx, { log: () => {} });
const user = ctx.read.users.list().find((u) => u.role === 'admin')!;
const token = api.sessions.open(user).token;
const slot = { get: () => token, set: () => {} };
const reader = new TicketReader(db);
const ph = (n: number) => Array.from({ length: n }, () => '?').join(',');
for (const input of process.argv.slice(3).map((x) => JSON.parse(x))) {
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < 20; i++) await api.call('tickets/list', input, slot, 'zh-CN');
    let t = performance.now();
    const N = 300;
    for (let i = 0; i < N; i++) await api.call('tickets/list', input, slot, 'zh-CN');
    const api_ = (performance.now() - t) / N;
    t = performance.now();
    for (let i = 0; i < N; i++) reader.page(input, newest + 60000);
    const rd = (performance.now() - t) / N;
    console.log(JSON.stringify(input), 'api', api_.toFixed(3), 'reader.page', rd.toFixed(3));
  }
}
