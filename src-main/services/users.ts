/** Accounts: the first admin, logins, and the admin's user management. */
import { DomainError } from '../core/errors';
import type { Role } from '../core/enums';
import type { UserInfo } from '../core/model';
import { hashPassword, verifyPassword } from './passwords';
import { inTransaction, type ServiceContext } from './context';
import type { LoginGate } from './login-gate';
import { accountChangeRefusal } from '../core/auth/account-edit';
import { chosenValue, lists } from './lists';

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
    // The lists start with whatever the first administrator names; from then on they keep them.
    const department = input.department?.trim() || null;
    if (department && !lists(ctx).find('department', department)) lists(ctx).add('department', department);
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

export interface LoginAttempt {
  username: string;
  password: string;
  /** Where the attempt comes from (an address, or "desktop"), for throttling and the audit. */
  client: string;
}

/**
 * Check a password. Before looking at it, the gate says whether this account
 * or this client must still wait after earlier wrong passwords: while it
 * must, even the right password is refused, so guessing cannot go faster than
 * the gate allows. Every refusal and every lock-out is in the audit log.
 */
export function login(ctx: ServiceContext, gate: LoginGate, attempt: LoginAttempt): UserInfo {
  const name = attempt.username.trim();
  const account = name.toLowerCase();
  const { client } = attempt;
  const now = ctx.now();
  const waitUntil = gate.waitUntil(account, client, now);
  if (waitUntil !== null) {
    const seconds = Math.ceil((waitUntil - now) / 1000);
    ctx.audit.add(now, null, 'auth.login_throttled', name, { client, retryInSeconds: seconds });
    throw new DomainError('too_many_attempts', { seconds });
  }
  const found = ctx.read.users.credentials(name);
  // Same answer (and the same scrypt cost) whether the name or the password is wrong.
  const ok = found ? verifyPassword(attempt.password, found.passwordHash) : (verifyPassword(attempt.password, dummyHash()), false);
  if (!found || !ok) {
    ctx.audit.add(now, found?.user.id ?? null, 'auth.login_failed', name, { client });
    const started = gate.failed(account, client, now);
    if (started.account) ctx.audit.add(now, found?.user.id ?? null, 'auth.lockout', name, { scope: 'account', client });
    if (started.client) ctx.audit.add(now, null, 'auth.lockout', client, { scope: 'client', client });
    throw new DomainError('bad_credentials');
  }
  if (!found.user.active) {
    ctx.audit.add(now, found.user.id, 'auth.login_failed', name, { client, disabled: true });
    throw new DomainError('account_disabled');
  }
  gate.succeeded(account);
  ctx.audit.add(now, found.user.id, 'auth.login', found.user.username, { client });
  return found.user;
}
/** An unknown name costs the same scrypt as a known one; made on first use, not at every start (~0.1 s of CPU). */
let dummy: string | null = null;
const dummyHash = () => (dummy ??= hashPassword('not-a-real-password'));

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
      department: chosenValue(ctx, 'department', input.department),
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

/** Anyone changes their own password, proving they know the current one. */
export function changeOwnPassword(ctx: ServiceContext, actor: UserInfo, current: string, next: string): UserInfo {
  const found = ctx.read.users.credentials(actor.username);
  if (!found || !verifyPassword(current, found.passwordHash)) {
    ctx.audit.add(ctx.now(), actor.id, 'user.change_password_failed', actor.username);
    throw new DomainError('wrong_current_password');
  }
  checkPassword(next);
  return inTransaction(ctx, () => {
    ctx.write.users.setPassword(actor.id, hashPassword(next));
    ctx.audit.add(ctx.now(), actor.id, 'user.change_password', actor.username);
    return ctx.read.users.get(actor.id)!;
  });
}

/**
 * An administrator disables (or enables again) an account. Nothing is
 * deleted: the person's tickets, events and audit entries keep naming them.
 * An administrator cannot disable themselves (so one active administrator
 * always remains). `actor` null is the command line at the machine itself
 * (`complaint-desk users --disable`). The caller ends the disabled user's sessions.
 */
export function setUserActive(ctx: ServiceContext, actor: UserInfo | null, userId: number, active: boolean): UserInfo {
  return inTransaction(ctx, () => {
    const user = ctx.read.users.get(userId);
    if (!user) throw new DomainError('not_found', { what: 'user', id: userId });
    if (user.active === active) return user;
    const refusal = accountChangeRefusal(actor?.id ?? null, user, { role: user.role, active }, ctx.read.users.activeAdmins());
    if (refusal) throw new DomainError('account_change_refused', { reason: refusal });
    ctx.write.users.setActive(userId, active);
    ctx.audit.add(ctx.now(), actor?.id ?? null, active ? 'user.enable' : 'user.disable', user.username, actor ? {} : { via: 'cli' });
    return ctx.read.users.get(userId)!;
  });
}

export interface UserEdit {
  displayName: string;
  role: Role;
  /** From the department list; an unchanged retired department may stay. */
  department: string | null;
}

/**
 * An administrator corrects a colleague's name, role or department. Each
 * changed field is in the audit log with what it was and what it became.
 * Nobody changes their own role, and the last active administrator stays one
 * (core/auth/account-edit.ts).
 */
export function updateUser(ctx: ServiceContext, actor: UserInfo, userId: number, edit: UserEdit): UserInfo {
  return inTransaction(ctx, () => {
    const user = ctx.read.users.get(userId);
    if (!user) throw new DomainError('not_found', { what: 'user', id: userId });
    const displayName = edit.displayName.trim();
    if (!displayName) throw new DomainError('validation', { field: 'displayName', rule: 'required' });
    const typed = edit.department?.trim() || null;
    const department = typed === user.department ? typed : chosenValue(ctx, 'department', typed);
    const refusal = accountChangeRefusal(actor.id, user, { role: edit.role, active: user.active }, ctx.read.users.activeAdmins());
    if (refusal) throw new DomainError('account_change_refused', { reason: refusal });
    const changes: Record<string, [unknown, unknown]> = {};
    if (displayName !== user.displayName) changes.displayName = [user.displayName, displayName];
    if (edit.role !== user.role) changes.role = [user.role, edit.role];
    if (department !== user.department) changes.department = [user.department, department];
    if (Object.keys(changes).length === 0) return user;
    ctx.write.users.update(userId, { displayName, role: edit.role, department });
    ctx.audit.add(ctx.now(), actor.id, 'user.update', user.username, { changes });
    return ctx.read.users.get(userId)!;
  });
}

export function listUsers(ctx: ServiceContext): UserInfo[] {
  return ctx.read.users.list();
}
