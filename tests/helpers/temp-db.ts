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
