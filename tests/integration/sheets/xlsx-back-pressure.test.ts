/**
 * The XLSX writer holds a bounded amount of a sheet however many rows come:
 * when the file cannot take more (here an output that stalls), writing a row
 * waits instead of piling the rows up in memory — and once the output moves
 * again every row arrives, in order, in a workbook Excel (exceljs) reads.
 * Before, exceljs's own buffer took every row at once and a 200,000-row export
 * held its whole sheet in memory until the end.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-db';
import { openTableWriter, type SheetColumnOut } from '../../../src-main/services/sheets/writer';

const ZONE = 'Asia/Shanghai';
const COLUMNS: SheetColumnOut[] = Array.from({ length: 8 }, (_, i) => ({ header: `列${i + 1}`, kind: 'text', width: 12 }));

/** Row `n`'s cells: hex from a fixed sequence, so deflate cannot shrink the sheet to nothing. */
function rowOf(n: number): string[] {
  let x = (n + 1) * 2654435761;
  return COLUMNS.map(() => {
    let s = '';
    for (let k = 0; k < 4; k++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      s += (x >>> 0).toString(16).padStart(8, '0');
    }
    return s;
  });
}

/** An output that takes nothing until `release()`; then it takes everything, keeping the bytes. */
class StalledOutput extends Writable {
  readonly chunks: Buffer[] = [];
  private held: Array<() => void> = [];
  private released = false;
  writes = 0;
  override _write(chunk: Buffer, _enc: BufferEncoding, done: (e?: Error | null) => void): void {
    this.writes++;
    this.chunks.push(chunk);
    if (this.released) done();
    else this.held.push(() => done());
  }
  release(): void {
    this.released = true;
    for (const done of this.held.splice(0)) done();
  }
}

const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 10));

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  dirs = [];
});

async function readBack(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe('the XLSX writer and a file that cannot keep up', () => {
  it('stops taking rows while the output is stalled, a bounded number of rows in, and writes them all once it moves', async () => {
    const total = 40_000;
    const output = new StalledOutput();
    const writer = openTableWriter('unused.xlsx', 'xlsx', ZONE, false, output);
    await writer.begin('工单', COLUMNS);
    let accepted = 0;
    const writing = (async () => {
      for (let n = 0; n < total; n++) {
        await writer.row(rowOf(n));
        accepted++;
      }
    })();

    // Let it run until it has written every row or has stopped moving.
    let still = 0;
    let seen = -1;
    while (accepted < total && still < 30) {
      await turn();
      still = accepted === seen ? still + 1 : 0;
      seen = accepted;
    }
    // What the zip's own buffers hold before the stalled output (archiver keeps up to 1 MiB either
    // side of it) and the entry's 512 KiB: about 12,000 of these rows, the same for 30,000 rows or
    // 60,000. Unbounded, all 40,000 would be taken.
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThan(total / 2);
    // The zip had started on the rows: bytes reached the output before it stalled.
    expect(output.writes).toBeGreaterThan(0);

    output.release();
    await writing;
    await writer.close();
    expect(accepted).toBe(total);

    const ws = (await readBack(Buffer.concat(output.chunks))).getWorksheet('工单')!;
    expect(ws.rowCount).toBe(total + 1);
    expect(ws.getRow(1).getCell(1).value).toBe('列1');
    for (const n of [0, 1, 4_999, 17_321, total - 1]) {
      expect(ws.getRow(n + 2).values).toEqual([undefined, ...rowOf(n)]);
    }
  });

  it('writes several sheets into one file, each complete, while each waits for the zip', async () => {
    const dir = tempDir('xlsx-back-pressure-');
    dirs.push(dir);
    const file = path.join(dir, 'two.xlsx');
    const writer = openTableWriter(file, 'xlsx', ZONE, true);
    const sizes = { 甲: 6_000, 乙: 4_000 };
    for (const [name, rows] of Object.entries(sizes)) {
      await writer.begin(name, COLUMNS);
      for (let n = 0; n < rows; n++) await writer.row(rowOf(n + (name === '乙' ? 100_000 : 0)));
    }
    await writer.close();

    const wb = await readBack(fs.readFileSync(file));
    expect(wb.worksheets.map((w) => [w.name, w.rowCount])).toEqual([
      ['甲', 6_001],
      ['乙', 4_001],
    ]);
    expect(wb.getWorksheet('甲')!.getRow(6_001).values).toEqual([undefined, ...rowOf(5_999)]);
    expect(wb.getWorksheet('乙')!.getRow(2).values).toEqual([undefined, ...rowOf(100_000)]);
  });
});
