/**
 * What an administrator may change on an account. Two rules keep the console
 * administrable: nobody changes their own role (an administrator demoting
 * himself by mistake would lock himself out of this very screen), and the
 * last active administrator stays one, whoever edits or disables him.
 */
import type { Role } from '../enums';

export interface AccountNow {
  id: number;
  role: Role;
  active: boolean;
}

export type AccountRefusal = 'own_role' | 'last_admin' | 'self';

/** Why `actorId` may not give `target` the role `role` (and activity `active`), or null. */
export function accountChangeRefusal(
  actorId: number | null,
  target: AccountNow,
  next: { role: Role; active: boolean },
  activeAdmins: number,
): AccountRefusal | null {
  if (actorId === target.id && !next.active && target.active) return 'self';
  if (actorId === target.id && next.role !== target.role) return 'own_role';
  const losesAdmin = target.role === 'admin' && target.active && (next.role !== 'admin' || !next.active);
  if (losesAdmin && activeAdmins <= 1) return 'last_admin';
  return null;
}
