/**
 * The writer the crash test kills: it opens the database as the console does
 * and writes without pause — tickets, their lifecycle events, refunds through
 * approval and execution, and small CRM imports — and after each commit
 * appends what it committed to a log (fsync'd), so the test knows what was
 * promised. Bundled with esbuild and run by tests/integration/crash/sigkill.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../../src-main/db/open';
import { createContext } from '../../../src-main/services/context';
import { createTicket, actOnTicket, getTicket } from '../../../src-main/services/tickets';
import * as refunds from '../../../src-main/services/refunds/commands';
import { importFile } from '../../../src-main/services/import/run';
import { hashPassword } from '../../../src-main/services/passwords';
import type { UserInfo } from '../../../src-main/core/model';
import type { Role } from '../../../src-main/core/enums';

const [dbPath, logPath, runNo] = process.argv.slice(2) as [string, string, string];
const db = openDatabase(dbPath, { integrity: 'skip' });
const ctx = createContext(db, Date.now);
ctx.categories.seedDefaults();
const log = fs.openSync(logPath, 'a');
const promise = (line: string) => {
  fs.writeSync(log, line + '\n');
  fs.fsyncSync(log);
};

const hash = hashPassword('crash-test-pass');
function user(name: string, role: Role): UserInfo {
  const found = ctx.read.users.credentials(name)?.user;
  if (found) return found;
  const id = ctx.write.users.insert({ username: name, displayName: name, role, department: null, passwordHash: hash, createdAt: Date.now(), createdBy: null });
  return ctx.read.users.get(id)!;
}
const agent = db.transaction(() => user('agent', 'agent'))();
const sup = db.transaction(() => user('sup', 'supervisor'))();
const mgr = db.transaction(() => user('mgr', 'manager'))();
const category = ctx.categories.list().find((c) => c.parentId !== null)!.id;

let n = 0;
const header = '工单编号,受理渠道,受理时间,客户号码,投诉类别,投诉内容\r\n';
const importDir = path.dirname(logPath);
process.stdout.write('ready\n');

async function loop(): Promise<void> {
  for (;;) {
    n++;
    const tag = `${runNo}-${n}`;
    const phone = `139${String(Number(runNo) * 100_000 + n).padStart(8, '0')}`;
    // Every third run starts each round with an import, so short-lived runs are killed during imports too.
    if (Number(runNo) % 3 === 0) {
      const rows = Array.from({ length: 40 }, (_, i) => `I${tag}-${i},10086热线,2026-11-01 09:00,138${String(Number(runNo) * 10_000 + n * 100 + i).padStart(8, '0')},宽带,宽带断网\r\n`);
      const file = path.join(importDir, `import-${tag}.csv`);
      fs.writeFileSync(file, header + rows.join(''));
      const out = await importFile(ctx, null, file);
      promise(`import I${tag}- ${out.inserted}`);
    }
    const { ticket } = createTicket(ctx, agent, { ticketNo: `K${tag}`, channel: '10086', receivedAt: Date.now() - 60_000, phone, categoryId: category, level: 'normal', description: '崩溃测试' });
    promise(`ticket K${tag}`);
    const accepted = actOnTicket(ctx, agent, ticket.id, ticket.version, { type: 'accept' });
    promise(`event K${tag} ${accepted.version}`);
    const r = refunds.createRefund(ctx, agent, { ticketId: ticket.id, type: 'overcharge', amountFen: 8000, reason: '多收费', submit: true, confirmDuplicate: false });
    promise(`refund ${r.id} pending_approval`);
    const ok = refunds.decideRefund(ctx, sup, r.id, r.version, { approve: true, comment: null });
    promise(`refund ${r.id} approved`);
    refunds.executeRefund(ctx, mgr, r.id, ok.version, `V${tag}`);
    promise(`refund ${r.id} executed`);
    void getTicket;
  }
}
void loop();
