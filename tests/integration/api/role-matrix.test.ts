/**
 * The role matrix, written out by hand: every contract method × nobody
 * logged in, agent, supervisor, manager, administrator — allowed or refused —
 * through the real web server (HTTP, cookies, the session check before the
 * body). A new method fails this test until someone decides its row here.
 *
 * Each call sends `[]` as its input: no method's input is an array, so an
 * allowed call stops at validation and nothing is changed, while a refused
 * one says `unauthenticated` or `forbidden` before the input is looked at.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../../src-main/hosts/web/server';
import { METHOD_NAMES } from '../../../src-main/api/contract';
import { addUser, categoryId, PINNED_NOW, tempDir } from '../../helpers/temp-db';
import { rawCall } from '../../helpers/raw-http';

const WHO = ['nobody', 'agent', 'supervisor', 'manager', 'admin'] as const;
type Who = (typeof WHO)[number];

// Columns: nobody, agent, supervisor, manager, admin.   Y = allowed, - = refused.
const MATRIX: Record<string, string> = {
  'auth/status': '           Y Y Y Y Y',
  'auth/setup': '            Y Y Y Y Y', // refused as setup_done once an admin exists, but not by role
  'auth/login': '            Y Y Y Y Y',
  'auth/logout': '           Y Y Y Y Y',
  'auth/changePassword': '   - Y Y Y Y',
  'meta/categories': '       - Y Y Y Y',
  'meta/users': '            - Y Y Y Y',
  'tickets/list': '          - Y Y Y Y',
  'tickets/get': '           - Y Y Y Y',
  'tickets/create': '        - Y Y Y Y',
  'tickets/act': '           - Y Y Y Y', // which actions each role may take: tickets/act rows below
  'tickets/revealPhone': '   - Y Y Y Y',
  'tickets/transferMany': '  - - Y Y Y',
  'tickets/workload': '      - - Y Y Y',
  'tickets/byAssignee': '    - - Y Y Y', // a supervisor's view; an agent filters the list by assignee himself
  'users/create': '          - - - - Y',
  'users/resetPassword': '   - - - - Y',
  'users/setActive': '       - - - - Y',
  'settings/branch': '       - - - - Y',
  'demo/load': '             - - - - Y',
  'demo/status': '           - Y Y Y Y', // counts only: whether the demo may be loaded, how many demo tickets
  'demo/remove': '           - - - - Y',
  'import/upload': '         - - Y Y Y',
  'import/preview': '        - - Y Y Y',
  'import/run': '            - - Y Y Y',
  'import/mapHeaders': '     - - Y Y Y', // mapping unknown headers, remembered per header list
  'import/rejects': '        - - Y Y Y',
  'import/headerMaps': '      - - Y Y Y', // the saved header mappings, shown on 导入
  'import/removeHeaderMap': ' - - Y Y Y',
  'deadlines/summary': '     - Y Y Y Y',
  'deadlines/urgent': '      - Y Y Y Y',
  'deadlines/atRisk': '      - Y Y Y Y',
  'deadlines/likelyToMiss': '- Y Y Y Y',
  'deadlines/forecast': '    - Y Y Y Y',
  'alerts/list': '           - Y Y Y Y',
  'alerts/acknowledge': '    - Y Y Y Y',
  'sla/policy': '            - Y Y Y Y',
  'sla/previewPolicy': '     - - - - Y',
  'sla/savePolicy': '        - - - - Y',
  'reports/kpis': '          - Y Y Y Y',
  'reports/dashboard': '     - Y Y Y Y',
  'reports/qc': '            - Y Y Y Y',
  'dispatch/propose': '      - Y Y Y Y',
  'dispatch/stats': '        - - Y Y Y',
  'dispatch/recorded': '     - Y Y Y Y',
  'reports/breachCauses': '  - Y Y Y Y',
  'reports/breachCauseOptions': '- Y Y Y Y',
  'reports/today': '         - Y Y Y Y',
  'reports/options': '       - Y Y Y Y',
  'reports/setSubscribers': '- - - - Y',
  'reports/saveBreachCause': '- - Y Y Y',
  'refunds/forTicket': '     - Y Y Y Y',
  'refunds/create': '        - Y Y Y Y',
  'refunds/submit': '        - Y Y Y Y',
  'refunds/approve': '       - - Y Y Y',
  'refunds/reject': '        - - Y Y Y',
  'refunds/execute': '       - - Y Y Y', // the executor is a supervisor or above
  'refunds/reverse': '       - Y Y Y Y',
  'refunds/queue': '         - - Y Y Y',
  'refunds/queueCount': '    - - Y Y Y',
  'refunds/waiting': '       - - Y Y Y', // read-only, beside the queue
  'refunds/list': '          - Y Y Y Y',
  'refunds/totals': '        - Y Y Y Y',
  'refunds/settings': '      - Y Y Y Y',
  'refunds/saveSettings': '  - - - - Y',
  'system/health': '         - Y Y Y Y',
  'export/months': '         - - Y Y Y', // the monthly export to headquarters: supervisors and above
  'export/run': '            - - Y Y Y',
  'export/progress': '       - - Y Y Y',
  'export/download': '       - - Y Y Y',
  'export/queue': '          - - Y Y Y',
  'export/retry': '          - - Y Y Y',
  'export/settings': '       - - Y Y Y',
  'export/saveSettings': '   - - - - Y', // settings are the administrator's
  'warnings/list': '         - Y Y Y Y', // volume warnings: everyone reads (numbers masked for agents)
  'warnings/get': '          - Y Y Y Y',
  'warnings/report': '       - Y Y Y Y',
  'warnings/chart': '        - Y Y Y Y',
  'warnings/settings': '     - Y Y Y Y',
  'warnings/check': '        - - Y Y Y', // supervisors and above act on them
  'warnings/publishByHand': '- - Y Y Y',
  'warnings/review': '       - - Y Y Y',
  'warnings/publish': '      - - Y Y Y',
  'warnings/close': '        - - Y Y Y',
  'warnings/saveSettings': ' - - - - Y',
  'audit/list': '            - - - - Y',
  'audit/export': '          - - - - Y',
  'knowledge/forTicket': '   - Y Y Y Y', // the panel beside a ticket and its ticks: everyone who handles tickets
  'knowledge/tick': '        - Y Y Y Y',
  'knowledge/search': '      - Y Y Y Y',
  'knowledge/list': '        - Y Y Y Y',
  'knowledge/get': '         - Y Y Y Y',
  'knowledge/save': '        - - Y Y Y', // editing the knowledge base: supervisors and above
  'knowledge/rollback': '    - - Y Y Y',
  'knowledge/export': '      - - Y Y Y',
  'knowledge/import': '      - - Y Y Y',
  'delivery/get': '          - Y Y Y Y',
  'delivery/save': '         - Y Y Y Y',
  'sheets/export': '         - Y Y Y Y', // the approvals queue inside it is refused to agents by the service
  'sheets/progress': '       - Y Y Y Y',
  'sheets/chunk': '          - Y Y Y Y',
  'qcProjects/list': '       - Y Y Y Y', // improvement projects: everyone reads, supervisors and above edit
  'qcProjects/get': '        - Y Y Y Y',
  'qcProjects/create': '     - - Y Y Y',
  'qcProjects/update': '     - - Y Y Y',
  'qcProjects/setClosed': '  - - Y Y Y',
  'qcProjects/addCause': '   - - Y Y Y',
  'qcProjects/updateCause': '- - Y Y Y',
  'qcProjects/addMeasure': ' - - Y Y Y',
  'qcProjects/updateMeasure': '- - Y Y Y',
  'qcProjects/deleteCause': '- - Y Y Y',
  'qcProjects/deleteMeasure': '- - Y Y Y',
  'qcProjects/delete': '     - - Y Y Y',
  'lists/all': '             - Y Y Y Y', // the kept lists: every form chooses from them
  'lists/add': '             - - - - Y', // keeping them is the administrator's
  'lists/rename': '          - - - - Y',
  'lists/setActive': '       - - - - Y',
  'lists/reviews': '         - - - - Y',
  'lists/resolveReview': '   - - - - Y',
  'users/update': '          - - - - Y',
};

// tickets/act, action by action, on a new ticket. Columns: agent, supervisor, manager, admin.
// Assigning (transfer), escalating and voiding are for supervisors and above.
const ACTION_MATRIX: Record<string, { action: Record<string, unknown>; marks: string }> = {
  accept: { marks: '  Y Y Y Y', action: { type: 'accept' } },
  transfer: { marks: '- Y Y Y', action: { type: 'transfer', department: '网络部', assigneeId: null } },
  escalate: { marks: '- Y Y Y', action: { type: 'escalate', level: 'major', reason: '客户多次投诉' } },
  void: { marks: '    - Y Y Y', action: { type: 'void', reason: '重复登记' } },
};

function expected(method: string): Record<Who, 'allowed' | 'refused'> {
  const marks = MATRIX[method]!.trim().split(/\s+/);
  return Object.fromEntries(WHO.map((w, i) => [w, marks[i] === 'Y' ? 'allowed' : 'refused'])) as Record<Who, 'allowed' | 'refused'>;
}

let dir: string;
let host: WebHost;
const cookies = new Map<Who, string>();

beforeAll(async () => {
  dir = tempDir();
  const staticDir = path.join(dir, 'web');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
  host = await startWebHost({ dbPath: path.join(dir, 'desk.db'), port: 0, staticDir, now: () => PINNED_NOW, backgroundJobs: false });
  const setup = await rawCall(host.url, 'auth/setup', { username: 'admin', displayName: '管理员', password: 'correct horse', branchName: '南海', branchId: 'NH' });
  cookies.set('admin', String(setup.headers['set-cookie']).split(';')[0]!);
  for (const role of ['agent', 'supervisor', 'manager'] as const) {
    addUser(host.desk.ctx, role, role); // password "password-123"
    const login = await rawCall(host.url, 'auth/login', { username: role, password: 'password-123' });
    expect(login.json().ok).toBe(true);
    cookies.set(role, String(login.headers['set-cookie']).split(';')[0]!);
  }
  // Transfers choose their department from the kept list.
  host.desk.ctx.db.prepare("INSERT INTO list_values (kind, name) VALUES ('department', '网络部')").run();
});
afterAll(async () => {
  await host?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('role matrix: every method × every role, through the web server', () => {
  it('has a row for every method in the contract, and none for a method that is gone', () => {
    expect([...METHOD_NAMES].sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it.each(METHOD_NAMES.map((m) => [m]))('%s', async (method) => {
    const seen: Record<string, string> = {};
    for (const who of WHO) {
      const cookie = cookies.get(who);
      const res = await rawCall(host.url, method, [], { 'x-desk-locale': 'en', ...(cookie ? { cookie } : {}) });
      expect(res.status).toBe(200);
      const body = res.json();
      const code = body.ok ? 'ok' : body.error!.code;
      const refused = code === 'unauthenticated' || code === 'forbidden';
      seen[who] = refused ? 'refused' : 'allowed';
      if (refused) expect(code, `${method} as ${who}`).toBe(who === 'nobody' ? 'unauthenticated' : 'forbidden');
      // Allowed calls got as far as the input check (or, for the open methods, an answer).
      else expect(['validation', 'ok', 'setup_done'], `${method} as ${who}: ${code}`).toContain(code);
    }
    expect(seen).toEqual(expected(method));
  });
});

describe('role matrix: tickets/act, action by action', () => {
  it.each(Object.keys(ACTION_MATRIX).map((a) => [a]))('%s', async (name) => {
    const { action, marks } = ACTION_MATRIX[name]!;
    const seen: Record<string, string> = {};
    for (const who of WHO.slice(1)) {
      const created = await rawCall(
        host.url,
        'tickets/create',
        { channel: '10086', receivedAt: PINNED_NOW - 60_000, phone: '13812345678', categoryId: categoryId(host.desk.ctx, '宽带'), description: `${name} ${who}` },
        { cookie: cookies.get('admin')! },
      );
      const ticket = (created.json().value as { ticket: { id: number; version: number } }).ticket;
      const res = (await rawCall(host.url, 'tickets/act', { id: ticket.id, version: ticket.version, action }, { cookie: cookies.get(who)! })).json();
      const code = res.ok ? 'ok' : res.error!.code;
      seen[who] = code === 'ok' ? 'allowed' : ['forbidden', 'action_forbidden'].includes(code) ? 'refused' : `failed: ${code}`;
    }
    const want = marks.trim().split(/\s+/);
    expect(seen).toEqual(Object.fromEntries(WHO.slice(1).map((w, i) => [w, want[i] === 'Y' ? 'allowed' : 'refused'])));
  });
});
