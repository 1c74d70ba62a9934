/**
 * What the service process runs, apart from its port (service-process.ts):
 * open the console, answer the relay, pass alert batches and the tray summary
 * to main. Runs in-process in tests.
 *
 * The console's event listener is handed to openConsole, which attaches it
 * before the monitor's catch-up round: the batch raised at start (everything
 * that fell due while the console was closed) reaches main like any other.
 */
import { openConsole, type ConsoleEvent, type RunningConsole } from '../../api/runtime';
import { createServiceHost, type ServiceHost } from './service-host';
import type { ServiceMessage, ServiceRequest } from './service-protocol';
import { createSummaryFeed, type SummaryFeed } from './summary-feed';

export interface ServiceOptions {
  dbPath: string;
  nativeBinding?: string | undefined;
  /** A pinned clock in tests. */
  now?: () => number;
  post(message: ServiceMessage): void;
  /** After a clean shutdown: the process exits. */
  exit(): void;
  log(line: string): void;
}

export interface RunningService {
  handle(request: ServiceRequest): Promise<void>;
}

export function startService(opts: ServiceOptions): RunningService {
  // Events raised while openConsole runs (the catch-up) wait for the host.
  const early: ConsoleEvent[] = [];
  let deliver: ((e: ConsoleEvent) => void) | null = null;
  const onEvent = (e: ConsoleEvent) => (deliver ? deliver(e) : early.push(e));

  // A database that cannot be opened (too new, corrupt) is not a crash: every
  // call is answered with the reason, so the window can tell the user.
  let running: RunningConsole | Error;
  try {
    running = openConsole({ dbPath: opts.dbPath, nativeBinding: opts.nativeBinding, now: opts.now, log: opts.log, onEvent });
  } catch (e) {
    running = e instanceof Error ? e : new Error(String(e));
    opts.log(`cannot open ${opts.dbPath}: ${running.message}`);
  }
  const desk = running;

  const feed: SummaryFeed | null =
    desk instanceof Error
      ? null
      : createSummaryFeed({ read: () => desk.summary(), now: desk.ctx.now, post: opts.post, log: opts.log });

  const host: ServiceHost = createServiceHost(
    desk instanceof Error ? desk : desk.api,
    opts.post,
    () => {
      feed?.stop();
      if (!(desk instanceof Error)) desk.close();
      opts.exit();
    },
    (method) => feed?.afterCall(method),
  );

  const relay = (e: ConsoleEvent) => {
    if (e.type === 'alerts') host.alerts(e.payload);
    else if (e.type === 'warnings') host.warnings(e.payload);
    else opts.post({ kind: 'reminders', event: e.payload });
  };
  for (const e of early.splice(0)) relay(e);
  // The tray is drawn at start, after the catch-up, even when nothing fell due.
  feed?.refresh();
  deliver = (e) => {
    relay(e);
    feed?.refresh();
  };

  return { handle: (request) => host.handle(request) };
}
