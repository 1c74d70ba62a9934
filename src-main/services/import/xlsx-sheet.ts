/**
 * The rows of one worksheet part, parsed as its text streams in: a row is
 * handed over once its `</row>` is read, so memory holds one chunk of the part
 * and the rows it completed, not the sheet. A row's line is its row number in
 * the sheet (`r`, or one past the previous row where a writer leaves it out);
 * a cell's column comes from its reference (`C7`), or follows the previous
 * cell. Values: shared strings (`t="s"`), inline strings (`t="inlineStr"`,
 * openpyxl's way), formula results, booleans, errors, ISO dates (`t="d"`),
 * and numbers — shown as dates when their style's number format is a date.
 */
import type { SourceRow } from '../../core/import/types';
import { isoToWallClock, numberText, serialToWallClock } from './sheet-values';
import type { XlsxPackage } from './xlsx-package';
import { unescapeOoxml, xmlParser } from './xlsx-xml';

/** `AB12` → 27 (0-based column), or -1 when the reference has no letters. */
function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
  }
  return i === 0 ? -1 : col - 1;
}

/** XFD, Excel's last column: a reference beyond it is not a spreadsheet's, and would make a row of millions of cells. */
const MAX_COLUMNS = 16_384;

interface CellState {
  col: number;
  type: string;
  style: number;
  value: string;
  inline: string;
}

export async function* readSheetRows(pkg: XlsxPackage, part: string): AsyncGenerator<SourceRow> {
  const done: SourceRow[] = [];
  let rowNumber = 0;
  let cells: string[] | null = null;
  let nextCol = 0;
  let cell: CellState | null = null;
  /** Which text we are inside: a cell's <v>, an inline string's <t>, or neither (formulas, phonetics). */
  let capture: 'v' | 't' | null = null;
  let phonetic = 0;

  const valueOf = (c: CellState): string => {
    switch (c.type) {
      case 's':
        return unescapeOoxml(pkg.sharedStrings[Number(c.value)] ?? '');
      case 'inlineStr':
        return unescapeOoxml(c.inline || c.value);
      case 'str':
        return unescapeOoxml(c.value);
      case 'b':
        return c.value === '' ? '' : c.value === '1' || c.value === 'true' ? 'TRUE' : 'FALSE';
      case 'e':
        return c.value;
      case 'd':
        return c.value === '' ? '' : isoToWallClock(c.value);
      default: {
        if (c.value.trim() === '') return '';
        const n = Number(c.value);
        if (!Number.isFinite(n)) return c.value;
        return pkg.dateStyles[c.style] ? serialToWallClock(n, pkg.date1904) : numberText(n);
      }
    }
  };

  const parser = xmlParser({
    open(name, a) {
      if (name === 'row') {
        rowNumber = a.r !== undefined && /^\d+$/.test(a.r) ? Number(a.r) : rowNumber + 1;
        cells = [];
        nextCol = 0;
      } else if (name === 'c' && cells) {
        const ref = a.r !== undefined ? columnOf(a.r) : -1;
        const col = ref >= 0 ? ref : nextCol;
        if (col >= MAX_COLUMNS) throw new Error(`row ${rowNumber} has a cell beyond column XFD (${a.r ?? col + 1})`);
        cell = { col, type: a.t ?? 'n', style: Number(a.s ?? 0), value: '', inline: '' };
      } else if (cell) {
        if (name === 'v') capture = 'v';
        else if (name === 'rPh') phonetic++;
        else if (name === 't' && phonetic === 0) capture = 't';
      }
    },
    close(name) {
      if (name === 'v' || name === 't') capture = null;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c' && cell && cells) {
        while (cells.length < cell.col) cells.push('');
        cells[cell.col] = valueOf(cell);
        nextCol = cell.col + 1;
        cell = null;
      } else if (name === 'row' && cells) {
        if (cells.some((c) => c.trim() !== '')) done.push({ line: rowNumber, cells });
        cells = null;
      }
    },
    text(t) {
      if (!cell || capture === null) return;
      if (capture === 'v') cell.value += t;
      else cell.inline += t;
    },
  });

  for await (const text of pkg.streamPart(part)) {
    parser.write(text);
    yield* done.splice(0);
  }
  parser.end();
  yield* done.splice(0);
}
