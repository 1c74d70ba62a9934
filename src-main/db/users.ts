import type { Db } from './open';
import type { Role } from '../core/enums';
import type { UserInfo } from '../core/model';
import { column, text } from './rows';

interface RawUser {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  department: string | null;
  password_hash: string;
  active: number;
}

const toInfo = (r: RawUser): UserInfo => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  department: r.department,
  active: r.active === 1,
});

export class UserReader {
  constructor(private readonly db: Db) {}

  /** The departments named on accounts, sorted. */
  departments(): string[] {
    return column(text, this.db.prepare(`SELECT DISTINCT department FROM users WHERE department IS NOT NULL AND trim(department) <> '' ORDER BY 1`));
  }

  /** Accounts, or those of one role. */
  count(role?: Role): number {
    const row = role
      ? this.db.prepare('SELECT count(*) AS n FROM users WHERE role = ?').get(role)
      : this.db.prepare('SELECT count(*) AS n FROM users').get();
    return (row as { n: number }).n;
  }
  get(id: number): UserInfo | null {
    const r = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as RawUser | undefined;
    return r ? toInfo(r) : null;
  }
  /** The stored hash travels only from here to the password check, never out of services. */
  credentials(username: string): { user: UserInfo; passwordHash: string } | null {
    const r = this.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as RawUser | undefined;
    return r ? { user: toInfo(r), passwordHash: r.password_hash } : null;
  }
  list(): UserInfo[] {
    return (this.db.prepare('SELECT * FROM users ORDER BY role DESC, username').all() as RawUser[]).map(toInfo);
  }
  findByDisplayName(name: string): UserInfo | null {
    const r = this.db.prepare('SELECT * FROM users WHERE display_name = ? OR username = ? LIMIT 1').get(name, name) as
      | RawUser
      | undefined;
    return r ? toInfo(r) : null;
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
  setPassword(id: number, passwordHash: string): void {
    this.db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, id);
  }
}
