/**
 * Where the receiver files bundles. Two stores speak this: the folder store
 * (the reference, a folder per branch, for the console's tests) and
 * headquarters' PostgreSQL store (src-main/hq/services/filing.ts).
 */
import type { Receipt } from '../../core/hq/receipt';
import type { FilingRequest } from '../../hq/services/filing';

export type { Receipt, FilingRequest };

/** A refusal with its HTTP status, code and message (the folder store's; hq's use HqError). */
export class Refused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface BundleStore {
  /** The branch's registered public key, or a refusal (unknown branch, wrong token). */
  authenticate(branchId: string, token: string): Promise<{ publicKeyPem: string }>;
  /** The receipt already given for this key, if any. */
  receiptFor(branchId: string, idempotencyKey: string): Promise<Receipt | null>;
  /** File a verified bundle once: `created` false means another copy won and this is its receipt. */
  file(request: FilingRequest): Promise<{ receipt: Receipt; created: boolean }>;
}
