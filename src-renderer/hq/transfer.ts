/** Save a month's bundle: fetched in chunks over the contract, handed to the browser (or Electron's save dialog) as one file. */
import { call } from '../api/client';
import { downloadChunks } from '../lib/save-file';

export async function saveBundle(month: string, revision: number | null): Promise<void> {
  await downloadChunks(
    (offset) => call('export/download', { month, revision, offset }),
    `${month}.zip`,
    'application/zip',
  );
}
