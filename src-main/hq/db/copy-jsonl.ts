/**
 * COPY one JSON Lines machine file into its table (pg-copy-streams), streamed:
 * the zip entry is decoded, split into lines and turned into CSV rows in
 * 256 KiB chunks, never held whole. Returns the rows copied.
 */
import { StringDecoder } from 'node:string_decoder';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import { copyRow, LineError } from '../../core/hq/copy-row';
import type { HqClient } from './pool';

const CHUNK = 256 * 1024;

export class CopyLineError extends Error {}

export async function copyJsonLines(client: HqClient, table: string, columns: readonly string[], prefix: string, source: Readable, file: string): Promise<number> {
  const cols = ['filing_id', 'branch_id', 'period', ...columns].map((c) => `"${c}"`).join(', ');
  const copy = client.query(copyFrom(`COPY ${table} (${cols}) FROM STDIN (FORMAT csv)`));
  let lineNo = 0;
  async function* rows(input: AsyncIterable<Buffer>) {
    const decoder = new StringDecoder('utf8');
    let carry = '';
    let out = '';
    const take = (line: string) => {
      lineNo++;
      if (line === '') return;
      try {
        out += copyRow(line, columns, prefix);
      } catch (e) {
        if (e instanceof LineError) throw new CopyLineError(`${file} line ${lineNo}: ${e.message}`);
        throw e;
      }
    };
    for await (const chunk of input) {
      const text = carry + decoder.write(chunk);
      const lines = text.split('\n');
      carry = lines.pop()!;
      for (const l of lines) take(l);
      if (out.length >= CHUNK) {
        yield out;
        out = '';
      }
    }
    carry += decoder.end();
    if (carry !== '') take(carry);
    if (out) yield out;
  }
  await pipeline(source, rows, copy);
  return copy.rowCount;
}
