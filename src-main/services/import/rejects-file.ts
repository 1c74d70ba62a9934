/**
 * The rejected rows as a file the CRM team can fix and send back: CSV in
 * UTF-8 with a BOM (so Excel opens Chinese text correctly), the file's own
 * header and cells, then three columns saying where and why. Re-importing the
 * fixed file works as it is: the extra columns are ignored by the mapping.
 * Written as the import streams, so it never sits in memory.
 */
import fs from 'node:fs';
import { csvLine } from '../../core/cells';
import type { Locale } from '../../core/messages';
import type { RejectedCell, SourceRow } from '../../core/import/types';

const EXTRA_HEADERS: Record<Locale, readonly string[]> = {
  'zh-CN': ['原行号', '错误列', '错误原因'],
  en: ['source_line', 'error_columns', 'error_reasons'],
};


export class RejectsWriter {
  private out: fs.WriteStream | null = null;
  private rows = 0;
  private failure: Error | null = null;

  constructor(
    readonly filePath: string,
    private readonly headerCells: readonly string[],
    private readonly locale: Locale,
  ) {}

  get count(): number {
    return this.rows;
  }

  async add(row: SourceRow, cells: readonly RejectedCell[]): Promise<void> {
    if (!this.out) {
      // Customers' numbers and names: readable by this account only.
      this.out = fs.createWriteStream(this.filePath, { mode: 0o600 });
      // A file that cannot be written (no such folder, disk full) fails the import's report, not the process.
      this.out.on('error', (e) => (this.failure ??= e));
      this.out.write('\uFEFF' + csvLine([...this.headerCells, ...EXTRA_HEADERS[this.locale]]));
    }
    const own = [...row.cells];
    while (own.length < this.headerCells.length) own.push('');
    const sep = this.locale === 'en' ? '; ' : '；';
    const columns = [...new Set(cells.map((c) => c.column).filter(Boolean))].join(sep);
    const colon = this.locale === 'en' ? ': ' : '：';
    const reasons = cells.map((c) => (c.column ? `${c.column}${colon}${c.reason}` : c.reason)).join(sep);
    this.rows++;
    if (this.failure) return;
    const out = this.out;
    if (!out.write(csvLine([...own, String(row.line), columns, reasons]))) {
      await new Promise<void>((resolve) => {
        out.once('drain', resolve);
        out.once('error', () => resolve());
      });
    }
  }

  /** Finish the file; returns its path, or null when no row was rejected (no file is written then). */
  async close(): Promise<string | null> {
    if (!this.out) return null;
    const out = this.out;
    if (!this.failure) await new Promise<void>((resolve) => out.end(() => resolve()));
    if (this.failure) throw this.failure;
    return this.filePath;
  }

  /** Stop without finishing (the import was refused): remove what was written. */
  discard(): void {
    this.out?.destroy();
    fs.rmSync(this.filePath, { force: true });
  }
}
