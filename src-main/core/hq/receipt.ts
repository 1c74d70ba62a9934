/** What headquarters answers a filed bundle with (docs/UPLOAD-PROTOCOL.md); a retry of the same bundle gets the same one. */
export interface Receipt {
  receiptId: string;
  idempotencyKey: string;
  branchId: string;
  month: string;
  revision: number;
  draft: boolean;
  bundleSha256: string;
  manifestSha256: string;
  receivedAt: string;
}
