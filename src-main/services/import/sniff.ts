/**
 * What kind of file this is, from its first bytes, never its name: an XLSX is
 * a zip; a legacy .xls an OLE2 compound file; a CSV is text whose encoding is told by its BOM, else by whether the
 * bytes are valid UTF-8 (a deterministic check: GB18030 Chinese text is almost
 * never valid UTF-8 over more than a few characters), else GB18030 (a superset
 * of GBK and GB2312, which is what Chinese Excel writes). Anything else is
 * refused whole with a message that says what to do.
 */
import fs from 'node:fs/promises';
import iconv from 'iconv-lite';
import { DomainError } from '../../core/errors';

export type CsvEncoding = 'utf8' | 'gb18030' | 'utf16le' | 'utf16be';
export type Delimiter = ',' | '\t' | ';';

export type FileKind =
  | { format: 'xlsx' }
  | { format: 'xls' }
  | { format: 'csv'; encoding: CsvEncoding; bomBytes: number; delimiter: Delimiter };

const SAMPLE_BYTES = 64 * 1024;

const refuse = (what: string, params: Record<string, string | number> = {}) =>
  new DomainError('import_refused', { what, ...params });

const startsWith = (buf: Buffer, bytes: readonly number[]) => bytes.every((b, i) => buf[i] === b);

/** Drop a multi-byte sequence cut off by the end of the sample, so the cut is not taken for bad UTF-8. */
function trimPartialUtf8(buf: Buffer): Buffer {
  for (let back = 1; back <= 3 && back <= buf.length; back++) {
    const b = buf[buf.length - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? buf.subarray(0, buf.length - back) : buf;
  }
  return buf;
}

function isUtf8(buf: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

/** Control characters other than tab, newlines and form feed mean this is not a text export. */
function looksBinary(text: string): boolean {
  let odd = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) odd++;
  }
  return odd > text.length / 100;
}

/** The separator that occurs most often outside quotes in the first lines (CRM "CSV" is sometimes tab-separated). */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, '\t': 0, ';': 0 };
  let quoted = false;
  let lines = 0;
  for (let i = 0; i < text.length && lines < 10; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '\n') lines++;
    else if (!quoted && (ch === ',' || ch === '\t' || ch === ';')) counts[ch]++;
  }
  return counts['\t'] > counts[','] && counts['\t'] >= counts[';'] ? '\t' : counts[';'] > counts[','] ? ';' : ',';
}

export async function sniffFile(filePath: string): Promise<FileKind> {
  let sample: Buffer;
  let size: number;
  try {
    const handle = await fs.open(filePath, 'r');
    try {
      size = (await handle.stat()).size;
      const buf = Buffer.alloc(Math.min(SAMPLE_BYTES, size));
      const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
      sample = buf.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    throw refuse('not_found', { file: filePath });
  }
  if (size === 0) throw refuse('empty');
  if (startsWith(sample, [0x50, 0x4b, 0x03, 0x04])) return { format: 'xlsx' };
  // An OLE2 compound file: what Excel 97–2003 saves (.xls). Anything else in one is refused by the reader.
  if (startsWith(sample, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { format: 'xls' };

  let encoding: CsvEncoding;
  let bomBytes = 0;
  if (startsWith(sample, [0xef, 0xbb, 0xbf])) [encoding, bomBytes] = ['utf8', 3];
  else if (startsWith(sample, [0xff, 0xfe])) [encoding, bomBytes] = ['utf16le', 2];
  else if (startsWith(sample, [0xfe, 0xff])) [encoding, bomBytes] = ['utf16be', 2];
  else encoding = isUtf8(size > sample.length ? trimPartialUtf8(sample) : sample) ? 'utf8' : 'gb18030';

  const text = iconv.decode(sample.subarray(bomBytes), encoding === 'utf16be' ? 'utf16-be' : encoding, { stripBOM: false });
  if (looksBinary(text)) throw refuse('binary');
  if (text.trim() === '' && size <= sample.length) throw refuse('empty');
  return { format: 'csv', encoding, bomBytes, delimiter: detectDelimiter(text) };
}
