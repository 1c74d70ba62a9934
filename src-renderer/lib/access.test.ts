/** The pages show what the contract lets each role do; expected by hand for every method a page asks about. */
import { describe, expect, it } from 'vitest';
import { mayCall } from './access';
import type { MethodName } from '../../src-main/api/contract';

const ROLES = ['agent', 'supervisor', 'manager', 'admin'] as const;

/** Method → which of agent, supervisor, manager, admin may call it. */
const EXPECTED: Array<[MethodName, [boolean, boolean, boolean, boolean]]> = [
  ['refunds/queue', [false, true, true, true]], // Refunds' "waiting for me" tab
  ['refunds/queueCount', [false, true, true, true]], // Today's approvals counter
  ['refunds/saveSettings', [false, false, false, true]], // Refunds' settings tab
  ['import/upload', [false, true, true, true]], // the ticket list's import link, the import page
  ['sla/savePolicy', [false, false, false, true]], // the deadline policy editable, else read-only
  ['reports/setSubscribers', [false, false, false, true]], // the subscriber count form
  ['settings/branch', [false, false, false, true]], // the administrator's settings
  ['audit/list', [false, false, false, true]], // the audit log tab
  ['export/saveSettings', [false, false, false, true]], // the 上报 page's masking and endpoint settings
  ['auth/login', [true, true, true, true]],
];

describe('mayCall reads the contract’s role table', () => {
  for (const [method, allowed] of EXPECTED) {
    it(method, () => {
      expect(ROLES.map((r) => mayCall(r, method))).toEqual(allowed);
    });
  }
});
