/**
 * The stream each sheet's XML goes through on its way into the XLSX's zip,
 * with back-pressure.
 *
 * exceljs 4's streaming WorkbookWriter hands a sheet's XML to the zip
 * (archiver) through a buffer of its own that never says "wait": a committed
 * row's XML is handed on at once, whatever deflate has done. Deflate runs off
 * the main thread and takes one piece per turn of the event loop, so while a
 * 200,000-row export wrote its rows the XML piled up in memory (+130 MiB,
 * growing with the rows: the file on disk was 2 of its 15 MiB when the last
 * row was written) and was deflated at the very end.
 *
 * `useBackPressure` gives the workbook this stream instead, for every zip
 * entry it opens. It gathers the XML into 64 KiB pieces (deflate gets a few
 * large pieces, not one per row, as exceljs's own buffer did) and its write()
 * says false once a bounded amount waits; the table writer then waits for
 * 'drain' before the next row. The bytes are the same as exceljs's own.
 */
import { Transform, type TransformCallback } from 'node:stream';
import type ExcelJS from 'exceljs';

const PIECE_BYTES = 64 * 1024;
/** How much may wait on either side of the entry before the writer is told to wait. */
const WAITING_BYTES = 256 * 1024;

/** exceljs writes strings, Buffers and its own StringBuf (anything with a copying toBuffer()). */
type XmlChunk = string | Buffer | { toBuffer(): Buffer };

export class ZipEntryStream extends Transform {
  private pieces: Buffer[] = [];
  private gathered = 0;

  constructor() {
    super({ readableHighWaterMark: WAITING_BYTES, writableHighWaterMark: WAITING_BYTES });
    // exceljs waits for 'zipped' on a sheet it commits itself; its own buffer says it on finish, as here.
    this.on('finish', () => this.emit('zipped'));
  }

  override write(chunk: XmlChunk, encoding?: BufferEncoding | ((error: Error | null | undefined) => void), cb?: (error: Error | null | undefined) => void): boolean {
    // exceljs reuses its StringBuf for the next piece of XML: take a copy now.
    const bytes = typeof chunk === 'string' || Buffer.isBuffer(chunk) ? chunk : chunk.toBuffer();
    return typeof encoding === 'function' ? super.write(bytes, encoding) : super.write(bytes, encoding ?? 'utf8', cb);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.pieces.push(chunk);
    this.gathered += chunk.length;
    if (this.gathered < PIECE_BYTES) return done();
    done(null, this.piece());
  }

  override _flush(done: TransformCallback): void {
    done(null, this.gathered > 0 ? this.piece() : undefined);
  }

  private piece(): Buffer {
    const piece = Buffer.concat(this.pieces, this.gathered);
    this.pieces = [];
    this.gathered = 0;
    return piece;
  }
}

/** What of exceljs's WorkbookWriter this relies on (not in its typings): the zip and the method opening an entry. */
interface WorkbookInternals {
  zip: { append(source: NodeJS.ReadableStream, data: { name: string }): unknown };
  _openStream(path: string): unknown;
}

/**
 * Make `wb` open each zip entry through a ZipEntryStream; `latest()` is the
 * one opened last (the sheet being written). Throws if this exceljs no longer
 * has the seam, rather than silently buffering again.
 */
export function useBackPressure(wb: ExcelJS.stream.xlsx.WorkbookWriter): { latest(): ZipEntryStream | null } {
  const inner = wb as unknown as WorkbookInternals;
  if (typeof inner._openStream !== 'function' || typeof inner.zip?.append !== 'function') {
    throw new Error('exceljs WorkbookWriter has no _openStream/zip: the XLSX writer cannot apply back-pressure');
  }
  let latest: ZipEntryStream | null = null;
  inner._openStream = (path: string) => {
    latest = new ZipEntryStream();
    inner.zip.append(latest, { name: path });
    return latest;
  };
  return { latest: () => latest };
}
