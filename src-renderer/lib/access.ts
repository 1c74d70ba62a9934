/**
 * Whether a user may call a contract method, read from the contract's own role
 * table: a page offers (or hides) what the server will do or refuse, and the
 * two can never disagree. The server still checks every call.
 */
import { contract, type MethodName } from '../../src-main/api/contract';
import { roleAtLeast, type Role } from '../../src-main/core/enums';

export function mayCall(role: Role, method: MethodName): boolean {
  const access = contract[method].access;
  return access === 'public' || roleAtLeast(role, access);
}
