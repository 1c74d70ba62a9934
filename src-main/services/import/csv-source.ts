/**
 * The rows of a CSV file, streamed: the file is read in chunks, decoded
 * (iconv-lite for GB18030 and UTF-16; UTF-8 goes to the parser as bytes) and
 * parsed with csv-parse, so memory does not grow with the file.
 *
 * Line numbers are counted here, as a text editor shows them: a record starts
 * one line after the previous one ended, plus the line breaks inside its
 * quoted fields. csv-parse's own `info.lines` does not mean that.
 */
import fs from 'node:fs';
import { parse, CsvError } from 'csv-parse';
import iconv from 'iconv-lite';
import { DomainError } from '../../core/errors';
import type { SourceRow } from '../../core/import/types';
import type { FileKind } from './sniff';

/** A record larger than this is a quote left open swallowing the file, not a complaint. */
const MAX_RECORD_BYTES = 1024 * 1024;
const NEWLINES = /\r\n|\r|\n/g;

function breaksIn(cells: readonly string[]): number {
  let n = 0;
  for (const c of cells) {
    if (c.indexOf('\n') < 0 && c.indexOf('\r') < 0) continue;
    n += c.match(NEWLINES)?.length ?? 0;
  }
  return n;
}

function malformed(e: unknown, line: number): DomainError {
  const code = e instanceof CsvError ? e.code : '';
  const detail =
    code === 'CSV_QUOTE_NOT_CLOSED'
      ? 'quote_not_closed'
      : code === 'CSV_INVALID_CLOSING_QUOTE'
        ? 'bad_quote'
        : code === 'CSV_MAX_RECORD_SIZE'
          ? 'record_too_large'
          : 'other';
  return new DomainError('import_refused', { what: 'malformed_csv', line, detail });
}

export async function* readCsv(filePath: string, kind: Extract<FileKind, { format: 'csv' }>): AsyncGenerator<SourceRow> {
  const file = fs.createReadStream(filePath, { start: kind.bomBytes, highWaterMark: 256 * 1024 });
  const parser = parse({
    delimiter: kind.delimiter,
    relax_column_count: true,
    // A quote inside an unquoted field (客户说"没信号") is text, as Excel reads it.
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: MAX_RECORD_BYTES,
    encoding: 'utf8',
  });
  const source: NodeJS.ReadableStream =
    kind.encoding === 'utf8'
      ? file
      : file.pipe(iconv.decodeStream(kind.encoding === 'utf16be' ? 'utf16-be' : kind.encoding, { stripBOM: false }));
  // pipe() does not pass errors on: a read or decode failure must end the parse, not the process.
  file.on('error', (e: Error) => parser.destroy(e));
  if (source !== file) source.on('error', (e: Error) => parser.destroy(e));
  source.pipe(parser);

  let line = 1;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      const start = line;
      line += 1 + breaksIn(record);
      if (record.every((c) => c.trim() === '')) continue; // a blank line: counted, not a row
      yield { line: start, cells: record };
    }
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw malformed(e, line);
  } finally {
    file.destroy();
    parser.destroy();
  }
}
