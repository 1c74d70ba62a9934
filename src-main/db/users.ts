import type { Db } from './open';
import type { Role } from '../core/enums';
import type { UserInfo } from '../core/model';
import { z } from 'zod';
import { ROLES } from '../core/enums';
import { allRows, column, flag, int, oneRow, text, textOrNull, value } from './rows';

const RawUser = z.object({
  id: int,
  username: text,
  display_name: text,
  role: z.enum(ROLES),
  department: textOrNull,
  password_hash: text,
  active: flag,
});

const toInfo = (r: z.output<typeof RawUser>): UserInfo => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  department: r.department,
  active: r.active,
});

const UserRow = RawUser.transform(toInfo);

export class UserReader {
  constructor(private readonly db: Db) {}

  /** The departments named on accounts, sorted. */
  departments(): string[] {
    return column(text, this.db.prepare(`SELECT DISTINCT department FROM users WHERE department IS NOT NULL AND trim(department) <> '' ORDER BY 1`));
  }

  /** Accounts, or those of one role. */
  count(role?: Role): number {
    const n = role
      ? value(int, this.db.prepare('SELECT count(*) AS n FROM users WHERE role = ?'), role)
      : value(int, this.db.prepare('SELECT count(*) AS n FROM users'));
    return n ?? 0;
  }
  /** Active administrators: the last one may not be demoted or disabled. */
  activeAdmins(): number {
    return value(int, this.db.prepare("SELECT count(*) AS n FROM users WHERE role = 'admin' AND active = 1")) ?? 0;
  }
  get(id: number): UserInfo | null {
    return oneRow(UserRow, this.db.prepare('SELECT * FROM users WHERE id = ?'), id) ?? null;
  }
  /** The stored hash travels only from here to the password check, never out of services. */
  credentials(username: string): { user: UserInfo; passwordHash: string } | null {
    const r = oneRow(RawUser, this.db.prepare('SELECT * FROM users WHERE username = ?'), username);
    return r ? { user: toInfo(r), passwordHash: r.password_hash } : null;
  }
  list(): UserInfo[] {
    return allRows(UserRow, this.db.prepare('SELECT * FROM users ORDER BY role DESC, username'));
  }
  findByDisplayName(name: string): UserInfo | null {
    return oneRow(UserRow, this.db.prepare('SELECT * FROM users WHERE display_name = ? OR username = ? LIMIT 1'), name, name) ?? null;
  }
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  department: string | null;
  passwordHash: string;
  createdAt: number;
  createdBy: number | null;
}

export class UserWriter {
  constructor(private readonly db: Db) {}
  insert(u: NewUser): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO users (username, display_name, role, department, password_hash, created_at, created_by)
           VALUES (@username, @displayName, @role, @department, @passwordHash, @createdAt, @createdBy)`,
        )
        .run(u).lastInsertRowid,
    );
  }
  setActive(id: number, active: boolean): void {
    this.db.prepare('UPDATE users SET active = ? WHERE id = ?').run(active ? 1 : 0, id);
  }
  update(id: number, u: { displayName: string; role: Role; department: string | null }): void {
    this.db.prepare('UPDATE users SET display_name = ?, role = ?, department = ? WHERE id = ?').run(u.displayName, u.role, u.department, id);
  }
  setPassword(id: number, passwordHash: string): void {
    this.db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, id);
  }
}
