/** Each test gets its own database in its own temp folder, and a pinned clock. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../src-main/db/open';
import { createContext, type ServiceContext } from '../../src-main/services/context';
import { hashPassword } from '../../src-main/services/passwords';
import type { Role } from '../../src-main/core/enums';
import type { UserInfo } from '../../src-main/core/model';

/** 2026-11-02 10:00 China time: a Monday, away from month edges. */
export const PINNED_NOW = Date.parse('2026-11-02T02:00:00Z');

export function tempDir(prefix = 'desk-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TestDb {
  dir: string;
  file: string;
  db: Db;
  ctx: ServiceContext;
  clock: { now: number; advance(ms: number): void };
  close(): void;
}

export function tempDb(now = PINNED_NOW): TestDb {
  const dir = tempDir();
  const file = path.join(dir, 'desk.db');
  const db = openDatabase(file);
  const clock = {
    now,
    advance(ms: number) {
      this.now += ms;
    },
  };
  const ctx = createContext(db, () => clock.now);
  ctx.categories.seedDefaults();
  seedTestLists(db);
  return {
    dir,
    file,
    db,
    ctx,
    clock,
    close() {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The branch's kept lists as most tests need them (the demo branch's
 * departments, city and districts, and a few others tests name): forms refuse
 * a value not on the list. Tests about the lists themselves start from these too.
 */
export const TEST_LISTS = {
  department: ['客服中心', '网络部', '市场部', '计费中心', '政企部', '渠道部', '客服部'],
  city: ['佛山', '广州', '昆明', '兰州'],
  district: ['禅城区', '南海区', '顺德区', '高明区', '三水区', '城关区', '七里河区', '榆中县', '五华区', '鼓楼', '台江'],
} as const;

function seedTestLists(db: Db): void {
  const add = db.prepare('INSERT OR IGNORE INTO list_values (kind, name) VALUES (?, ?)');
  for (const [kind, names] of Object.entries(TEST_LISTS)) for (const name of names) add.run(kind, name);
  // Districts D0–D999: tests that keep each ticket out of the others' collective group give each its own.
  for (let i = 0; i < 1000; i++) add.run('district', `D${i}`);
}

// Hashing is deliberately slow; tests share one hash for every made-up user.
let sharedHash: string | null = null;
export function addUser(ctx: ServiceContext, username: string, role: Role, department: string | null = null): UserInfo {
  sharedHash ??= hashPassword('password-123');
  const id = ctx.write.users.insert({
    username,
    displayName: username.toUpperCase(),
    role,
    department,
    passwordHash: sharedHash,
    createdAt: ctx.now(),
    createdBy: null,
  });
  return ctx.read.users.get(id)!;
}

export function categoryId(ctx: ServiceContext, path: string): number {
  const [top, child] = path.split('>');
  const nodes = ctx.categories.list();
  const parent = nodes.find((n) => n.parentId === null && n.name === top);
  if (!parent) throw new Error(`no category ${top}`);
  if (!child) return parent.id;
  const node = nodes.find((n) => n.parentId === parent.id && n.name === child);
  if (!node) throw new Error(`no category ${path}`);
  return node.id;
}
