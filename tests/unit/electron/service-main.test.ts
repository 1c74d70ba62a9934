/**
 * The service process's body run in-process over a real database file with a
 * pinned clock: the tray is drawn at once, the catch-up batch reaches main once
 * the console has answered (the listener is attached before the monitor's first
 * round) and the tray is drawn again after it,
 * live alerts name only the windows with a session, and writes refresh the tray.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../../src-main/db/open';
import { createContext } from '../../../src-main/services/context';
import { createTicket } from '../../../src-main/services/tickets';
import { addUser, categoryId, PINNED_NOW, tempDir } from '../../helpers/temp-db';
import { startService, type RunningService } from '../../../src-main/hosts/electron/service-main';
import type { ServiceMessage, ServiceNotice } from '../../../src-main/hosts/electron/service-protocol';
import type { DeadlineSummary } from '../../../src-main/api/contract';

const H = 3_600_000;
let dir: string;
let file: string;

/** A database where a 10086 ticket came in 5 h ago: its 4 h first-response clock has run out. */
function prepareOverdueDatabase(): { ticketId: number; categoryId: number } {
  const db = openDatabase(file);
  try {
    const ctx = createContext(db, () => PINNED_NOW);
    ctx.categories.seedDefaults();
    const sup = addUser(ctx, 'sup', 'supervisor', '客服中心');
    const cat = categoryId(ctx, '网络质量>信号覆盖');
    const { ticket } = createTicket(ctx, sup, {
      channel: '10086',
      receivedAt: PINNED_NOW - 5 * H,
      phone: '13812345678',
      categoryId: cat,
      level: 'normal',
      description: '信号差',
    });
    return { ticketId: ticket.id, categoryId: cat };
  } finally {
    db.close();
  }
}

interface Started {
  service: RunningService;
  messages: ServiceMessage[];
  exit: ReturnType<typeof vi.fn>;
  backedUp: Promise<void>;
}

function start(): Started {
  const messages: ServiceMessage[] = [];
  const exit = vi.fn();
  let backedUp!: () => void;
  const backup = new Promise<void>((r) => (backedUp = r));
  const service = startService({
    dbPath: file,
    now: () => PINNED_NOW,
    post: (m) => messages.push(structuredClone(m)),
    exit,
    log: (line) => {
      if (line.startsWith('daily backup')) backedUp();
    },
  });
  return { service, messages, exit, backedUp: backup };
}

const call = (service: RunningService, id: number, senderId: number, method: string, input: unknown = {}) =>
  service.handle({ kind: 'call', id, senderId, method, input, locale: 'en' });
const LOGIN = { username: 'sup', password: 'password-123' };

const notices = (messages: ServiceMessage[]) => messages.filter((m): m is ServiceNotice => m.kind !== 'response');

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

let running: Started | null = null;
beforeEach(() => {
  dir = tempDir('desk-service-');
  file = path.join(dir, 'desk.db');
});
afterEach(async () => {
  if (running) {
    // Let the start-up backup finish before the database closes under it.
    await running.backedUp;
    await running.service.handle({ kind: 'shutdown' });
    running = null;
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('service process', () => {
  it('draws the tray at once; the catch-up batch follows once the console has answered, then the tray again', async () => {
    const { ticketId } = prepareOverdueDatabase();
    running = start();
    const { messages } = running;
    // At once: the tray from the clocks as they stand; the catch-up waits until the console has answered (or 3 s).
    expect(notices(messages)).toEqual([{ kind: 'summary', summary: expect.objectContaining({ counts: { breached: 1, approaching: 0 } }) }]);
    await call(running.service, 1, 7, 'auth/status');
    await until(() => notices(messages).length >= 3);
    const [tray, first, second, ...rest] = notices(messages);
    expect(rest).toEqual([]);
    expect(first).toMatchObject({
      kind: 'alerts',
      recipients: [],
      batch: { catchUp: true, counts: { breached: 1, approaching: 1 } },
    });
    expect(first!.kind === 'alerts' && first!.batch.alerts.every((a) => a.ticketId === ticketId)).toBe(true);
    expect(second).toEqual(tray);
    expect(second).toEqual({
      kind: 'summary',
      summary: {
        at: PINNED_NOW,
        counts: { breached: 1, approaching: 0 },
        newWarnings: 0,
        urgent: [
          { ticketId, ticketNo: expect.any(String), clock: 'first_response', dueAt: PINNED_NOW - H },
          { ticketId, ticketNo: expect.any(String), clock: 'resolution', dueAt: PINNED_NOW + 43 * H },
        ],
        reminders: [],
      },
    });
  });

  it('reads the tray summary as deadlines/summary answers it', async () => {
    prepareOverdueDatabase();
    running = start();
    const { service, messages } = running;
    const tray = notices(messages).find((n) => n.kind === 'summary')!;
    await call(service, 1, 7, 'auth/login', LOGIN);
    await call(service, 2, 7, 'deadlines/summary');
    const answer = messages.find((m) => m.kind === 'response' && m.id === 2);
    expect(answer).toMatchObject({ response: { ok: true } });
    const api = (answer as { response: { value: DeadlineSummary } }).response.value;
    expect(tray).toEqual({
      kind: 'summary',
      summary: {
        at: PINNED_NOW,
        counts: { breached: api.counts.breached, approaching: api.counts.approaching },
        newWarnings: api.newWarnings,
        urgent: api.urgent.map(({ ticketId, ticketNo, clock, dueAt }) => ({ ticketId, ticketNo, clock, dueAt })),
        reminders: api.uploadReminders,
      },
    });
  });

  it('sends live alerts only for windows with a session, and refreshes the tray after a write', async () => {
    const { categoryId: cat } = prepareOverdueDatabase();
    running = start();
    const { service, messages } = running;
    // The catch-up round goes first (it starts once the console has answered and gone quiet).
    await call(service, 99, 7, 'auth/status');
    await until(() => notices(messages).some((n) => n.kind === 'alerts' && n.batch.catchUp));
    await until(() => notices(messages).filter((n) => n.kind === 'summary').length >= 2);
    messages.length = 0;

    await call(service, 1, 7, 'auth/login', LOGIN);
    await call(service, 2, 8, 'auth/status');
    expect(messages.filter((m) => m.kind === 'response').map((m) => m.kind === 'response' && m.response.ok)).toEqual([true, true]);
    // Reads do not redraw the tray.
    await new Promise((r) => setTimeout(r, 300));
    expect(notices(messages)).toEqual([]);

    // A ticket entered late is already past its first-response deadline: the monitor wakes at once.
    const input = { channel: '12300', receivedAt: PINNED_NOW - 2 * H, phone: '13900001111', categoryId: cat, description: '投诉' };
    await call(service, 3, 7, 'tickets/create', input);
    expect(messages.find((m) => m.kind === 'response' && m.id === 3)).toMatchObject({ response: { ok: true } });

    await until(() => notices(messages).some((n) => n.kind === 'alerts'));
    const alerts = notices(messages).find((n) => n.kind === 'alerts')!;
    expect(alerts).toMatchObject({ kind: 'alerts', recipients: [7], batch: { catchUp: false, counts: { breached: 1 } } });

    await until(() => notices(messages).filter((n) => n.kind === 'summary').length >= 2);
    const summary = notices(messages).findLast((n) => n.kind === 'summary')!;
    expect(summary).toMatchObject({ summary: { counts: { breached: 2 } } });
  });

  it('answers every call with the reason when the database cannot be opened, and sends no summary', async () => {
    fs.writeFileSync(file, 'this is not a database');
    const messages: ServiceMessage[] = [];
    const log = vi.fn();
    const service = startService({ dbPath: file, post: (m) => messages.push(m), exit: () => {}, log });
    await call(service, 1, 1, 'auth/status');
    expect(messages).toEqual([{ kind: 'response', id: 1, response: { ok: false, error: expect.objectContaining({ code: 'db_corrupt' }) } }]);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('cannot open'));
  });
});
