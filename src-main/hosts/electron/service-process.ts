/**
 * Entry of the Electron utility process that owns the database. SQLite calls
 * are synchronous: running them here keeps a long report or import from
 * freezing the window, the tray or notifications in the main process.
 *
 * The main process passes where things are through the environment:
 * COMPLAINT_DESK_DB (the database file) and COMPLAINT_DESK_SQLITE_BINDING
 * (better-sqlite3 built for Electron, kept apart from node_modules' Node build).
 */
import { createApiServer, type ApiServer } from '../../api/server';
import { openDatabase, type Db } from '../../db/open';
import { createContext } from '../../services/context';
import { createServiceHost } from './service-host';
import type { ServiceMessage, ServiceRequest } from './service-protocol';

interface ParentPort {
  on(event: 'message', listener: (e: { data: ServiceRequest }) => void): void;
  postMessage(message: ServiceMessage): void;
}

const port = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!port) throw new Error('service-process must be started with utilityProcess.fork');

const file = process.env.COMPLAINT_DESK_DB;
if (!file) throw new Error('COMPLAINT_DESK_DB is not set');

let db: Db | null = null;
let server: ApiServer | Error;
try {
  db = openDatabase(file, { nativeBinding: process.env.COMPLAINT_DESK_SQLITE_BINDING || undefined, integrity: 'full' });
  server = createApiServer(createContext(db));
} catch (e) {
  console.error('[service] cannot open database', file, e);
  server = e instanceof Error ? e : new Error(String(e));
}

const host = createServiceHost(
  server,
  (m) => port.postMessage(m),
  () => {
    db?.close();
    process.exit(0);
  },
);

port.on('message', (e) => {
  host.handle(e.data).catch((err: unknown) => console.error('[service] request failed', err));
});
