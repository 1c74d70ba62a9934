/** Accounts: the first admin, logins, and the admin's user management. */
import { DomainError } from '../core/errors';
import type { Role } from '../core/enums';
import type { UserInfo } from '../core/model';
import { hashPassword, verifyPassword } from './passwords';
import { inTransaction, type ServiceContext } from './context';

export const MIN_PASSWORD = 8;

export interface NewUserInput {
  username: string;
  displayName: string;
  role: Role;
  department?: string | null | undefined;
  password: string;
}

/**
 * Until an administrator exists. Not "until anyone exists": `complaint-desk
 * seed` on a new database adds demo colleagues with passwords nobody knows,
 * and the console must still let its first administrator in.
 */
export function needsSetup(ctx: ServiceContext): boolean {
  return ctx.read.users.count('admin') === 0;
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD) throw new DomainError('weak_password', { min: MIN_PASSWORD });
}

/**
 * The first administrator: only while the database has none. There is no
 * default password anywhere; whoever sets the console up chooses it.
 */
export function createFirstAdmin(ctx: ServiceContext, input: Omit<NewUserInput, 'role'>): UserInfo {
  checkPassword(input.password);
  return inTransaction(ctx, () => {
    if (!needsSetup(ctx)) throw new DomainError('setup_done');
    if (ctx.read.users.credentials(input.username.trim())) {
      throw new DomainError('validation', { field: 'username', rule: 'taken' });
    }
    const id = ctx.write.users.insert({
      username: input.username.trim(),
      displayName: input.displayName.trim(),
      role: 'admin',
      department: input.department?.trim() || null,
      passwordHash: hashPassword(input.password),
      createdAt: ctx.now(),
      createdBy: null,
    });
    ctx.audit.add(ctx.now(), id, 'user.create_first_admin', input.username.trim());
    return ctx.read.users.get(id)!;
  });
}

export function login(ctx: ServiceContext, username: string, password: string): UserInfo {
  const found = ctx.read.users.credentials(username.trim());
  // Same answer (and the same scrypt cost) whether the name or the password is wrong.
  const ok = found ? verifyPassword(password, found.passwordHash) : (verifyPassword(password, DUMMY_HASH), false);
  if (!found || !ok || !found.user.active) {
    ctx.audit.add(ctx.now(), found?.user.id ?? null, 'auth.login_failed', username.trim());
    throw new DomainError('bad_credentials');
  }
  ctx.audit.add(ctx.now(), found.user.id, 'auth.login', found.user.username);
  return found.user;
}
const DUMMY_HASH = hashPassword('not-a-real-password');

export function createUser(ctx: ServiceContext, actor: UserInfo, input: NewUserInput): UserInfo {
  checkPassword(input.password);
  return inTransaction(ctx, () => {
    if (ctx.read.users.credentials(input.username.trim())) {
      throw new DomainError('validation', { field: 'username', rule: 'taken' });
    }
    const id = ctx.write.users.insert({
      username: input.username.trim(),
      displayName: input.displayName.trim(),
      role: input.role,
      department: input.department?.trim() || null,
      passwordHash: hashPassword(input.password),
      createdAt: ctx.now(),
      createdBy: actor.id,
    });
    ctx.audit.add(ctx.now(), actor.id, 'user.create', input.username.trim(), { role: input.role });
    return ctx.read.users.get(id)!;
  });
}

/**
 * An administrator sets someone's password: a colleague who forgot theirs,
 * or a demo colleague whose seeded password nobody knows. Logged without the
 * password; the caller ends that user's open sessions.
 */
export function resetPassword(ctx: ServiceContext, actor: UserInfo, userId: number, password: string): UserInfo {
  checkPassword(password);
  return inTransaction(ctx, () => {
    const user = ctx.read.users.get(userId);
    if (!user) throw new DomainError('not_found', { what: 'user', id: userId });
    ctx.write.users.setPassword(userId, hashPassword(password));
    ctx.audit.add(ctx.now(), actor.id, 'user.reset_password', user.username);
    return user;
  });
}

export function listUsers(ctx: ServiceContext): UserInfo[] {
  return ctx.read.users.list();
}
