/**
 * Server-sent events: alerts pushed to every logged-in page as they are raised.
 * The stream itself is not activity, so it never keeps an idle console unlocked;
 * it closes when the session locks.
 */
import type http from 'node:http';
import type { RunningConsole } from '../../api/runtime';
import { sessionSlotFor } from './http-util';

const HEARTBEAT_MS = 25_000;

export function serveEvents(desk: RunningConsole, req: http.IncomingMessage, res: http.ServerResponse): void {
  const token = sessionSlotFor(req).get();
  if (!desk.api.sessions.peek(token)) {
    res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8' }).end('log in first');
    return;
  }
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  res.write(': connected\n\n');
  const send = (type: string, data: unknown) => res.write(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
  const unsubscribe = desk.subscribe((e) => {
    if (!desk.api.sessions.peek(token)) {
      end();
      return;
    }
    send(e.type, e.payload);
  });
  const heartbeat = setInterval(() => {
    if (!desk.api.sessions.peek(token)) end();
    else res.write(': heartbeat\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();
  function end() {
    clearInterval(heartbeat);
    unsubscribe();
    res.end();
  }
  req.on('close', end);
}
