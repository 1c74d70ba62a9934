/**
 * Entry of the Electron utility process that owns the database. SQLite calls
 * are synchronous: running them here keeps a long report or import from
 * freezing the window, the tray or notifications in the main process.
 *
 * The main process passes where things are through the environment:
 * COMPLAINT_DESK_DB (the database file) and COMPLAINT_DESK_SQLITE_BINDING
 * (better-sqlite3 built for Electron, kept apart from node_modules' Node build).
 * Everything else is in service-main.ts.
 */
import { startService } from './service-main';
import type { ServiceMessage, ServiceRequest } from './service-protocol';

interface ParentPort {
  on(event: 'message', listener: (e: { data: ServiceRequest }) => void): void;
  postMessage(message: ServiceMessage): void;
}

const port = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!port) throw new Error('service-process must be started with utilityProcess.fork');

const dbPath = process.env.COMPLAINT_DESK_DB;
if (!dbPath) throw new Error('COMPLAINT_DESK_DB is not set');

const log = (line: string) => console.error(`[service] ${line}`);

const service = startService({
  dbPath,
  nativeBinding: process.env.COMPLAINT_DESK_SQLITE_BINDING || undefined,
  post: (m) => port.postMessage(m),
  exit: () => process.exit(0),
  log,
});

port.on('message', (e) => {
  service.handle(e.data).catch((err: unknown) => log(`request failed: ${String(err)}`));
});
