/**
 * Who is logged in on each connection. A session locks after inactivity
 * (*default* 15 min, docs/REQUIREMENTS.md §7): on a shared workstation the next person must log in.
 */
import { randomBytes } from 'node:crypto';
import type { UserInfo } from '../core/model';

export const DEFAULT_LOCK_MINUTES = 15;

export interface Session {
  token: string;
  userId: number;
  lastSeen: number;
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly now: () => number,
    private readonly lockAfterMs: () => number = () => DEFAULT_LOCK_MINUTES * 60_000,
  ) {}

  open(user: UserInfo): Session {
    const s = { token: randomBytes(24).toString('base64url'), userId: user.id, lastSeen: this.now() };
    this.sessions.set(s.token, s);
    return s;
  }

  /** The live session for a token, touched; 'locked' if it idled out (and is then forgotten). */
  use(token: string | null | undefined): Session | 'locked' | null {
    if (!token) return null;
    const s = this.sessions.get(token);
    if (!s) return null;
    if (this.now() - s.lastSeen > this.lockAfterMs()) {
      this.sessions.delete(token);
      return 'locked';
    }
    s.lastSeen = this.now();
    return s;
  }

  /** Whether a token is a live session, without counting this as activity (event streams). */
  peek(token: string | null | undefined): boolean {
    if (!token) return false;
    const s = this.sessions.get(token);
    return !!s && this.now() - s.lastSeen <= this.lockAfterMs();
  }

  close(token: string | null | undefined): void {
    if (token) this.sessions.delete(token);
  }

  /**
   * End every session of one user (their password changed, their account was
   * disabled): they log in again. `keep` spares the session making the change.
   */
  closeUser(userId: number, keep: string | null = null): void {
    for (const [token, s] of this.sessions) if (s.userId === userId && token !== keep) this.sessions.delete(token);
  }
}
