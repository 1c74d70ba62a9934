/**
 * What every infinite-model grid does with one block of rows: hand the page to
 * the grid (or tell it the block failed) and report the total, or the server's
 * refusal in the user's language, to the page around it.
 */
import type { IGetRowsParams } from 'ag-grid-community';
import { messageOf } from '../api/client';

export interface GridReport {
  total(n: number): void;
  error(message: string | null): void;
}

export function deliverPage(params: IGetRowsParams, page: Promise<{ rows: unknown[]; total: number }>, report: GridReport): void {
  page
    .then((p) => {
      params.successCallback(p.rows, p.total);
      report.total(p.total);
      report.error(null);
    })
    .catch((e: unknown) => {
      params.failCallback();
      report.error(messageOf(e));
    });
}
