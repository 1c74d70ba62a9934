/**
 * An XLSX file opened the way the format defines it, not the way one writer
 * lays it out: the zip's central directory is read first (yauzl), so the order
 * of entries does not matter (openpyxl puts the sheet before
 * xl/workbook.xml, Excel after), and every part is found by following the
 * package's relationships from `_rels/.rels` — the workbook, its sheets with
 * their names, the shared strings (absent when a writer uses inline strings)
 * and the styles (which tell dates from numbers). Part names are matched
 * without regard to case, as the package format says.
 */
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import yauzl from 'yauzl';
import { isDateFormat } from './sheet-values';
import { parseXml, unescapeOoxml, xmlParser } from './xlsx-xml';

export interface SheetPart {
  name: string;
  /** The zip entry, or null when the workbook names a sheet whose part is missing. */
  part: string | null;
}

export interface XlsxPackage {
  sheets: SheetPart[];
  date1904: boolean;
  sharedStrings: string[];
  /** By cell style index (`s`): whether the cell shows a date or time. */
  dateStyles: boolean[];
  /** The part's text, decoded as it streams. */
  streamPart(part: string): AsyncIterable<string>;
  close(): void;
}

export class NotAWorkbook extends Error {}

/** A spreadsheet in a zip that is not Office Open XML: said by name, so the user knows to save it as .xlsx. */
export class OtherWorkbook extends Error {
  constructor(readonly kind: 'ods' | 'xlsb') {
    super(kind);
  }
}

interface Relationship {
  type: string;
  target: string;
}

const keyOf = (name: string) => name.replace(/\\/g, '/').replace(/^\//, '').toLowerCase();

/** A relationship target, relative to the part that names it unless it starts with '/'. */
function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(sourcePart), target));
}

function relsPartOf(part: string): string {
  return path.posix.join(path.posix.dirname(part), '_rels', `${path.posix.basename(part)}.rels`);
}

export async function openXlsxPackage(filePath: string): Promise<XlsxPackage> {
  const zip = await yauzl.openPromise(filePath, { lazyEntries: true, autoClose: false, decodeStrings: true });
  try {
    const entries = new Map<string, yauzl.Entry>();
    for await (const entry of zip.eachEntry()) {
      if (!entry.fileName.endsWith('/')) entries.set(keyOf(entry.fileName), entry);
    }

    async function* streamPart(part: string): AsyncIterable<string> {
      const entry = entries.get(keyOf(part));
      if (!entry) throw new NotAWorkbook(`missing part ${part}`);
      const stream = await zip.openReadStreamPromise(entry);
      const decoder = new StringDecoder('utf8');
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) yield decoder.write(chunk);
        const rest = decoder.end();
        if (rest) yield rest;
      } finally {
        stream.destroy();
      }
    }
    const readPart = async (part: string): Promise<string | null> => {
      if (!entries.has(keyOf(part))) return null;
      let text = '';
      for await (const piece of streamPart(part)) text += piece;
      return text;
    };
    const relationshipsOf = async (part: string): Promise<Map<string, Relationship>> => {
      const rels = new Map<string, Relationship>();
      const xml = await readPart(relsPartOf(part));
      if (xml === null) return rels;
      parseXml(xml, {
        open(name, a) {
          if (name === 'Relationship' && a.Id && a.Target && a.TargetMode !== 'External') {
            rels.set(a.Id, { type: a.Type ?? '', target: resolveTarget(part, a.Target) });
          }
        },
      });
      return rels;
    };
    const byType = (rels: Map<string, Relationship>, type: string) =>
      [...rels.values()].find((r) => r.type.endsWith(`/${type}`))?.target ?? null;

    if ((await readPart('mimetype'))?.startsWith('application/vnd.oasis.opendocument.spreadsheet')) throw new OtherWorkbook('ods');
    const rootRels = await relationshipsOf('');
    const workbookPart = byType(rootRels, 'officeDocument') ?? 'xl/workbook.xml';
    if (workbookPart.toLowerCase().endsWith('.bin')) throw new OtherWorkbook('xlsb');
    const workbookXml = await readPart(workbookPart);
    if (workbookXml === null) throw new NotAWorkbook('no workbook part (is this an Excel workbook?)');
    const workbookRels = await relationshipsOf(workbookPart);

    const sheets: SheetPart[] = [];
    let date1904 = false;
    parseXml(workbookXml, {
      open(name, a) {
        if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
        // `r:id` arrives as `id` (local name); a plain `id` would be the same attribute in Strict files.
        if (name === 'sheet' && a.name !== undefined) {
          const target = a.id ? workbookRels.get(a.id)?.target : undefined;
          sheets.push({ name: unescapeOoxml(a.name), part: target && entries.has(keyOf(target)) ? target : null });
        }
      },
    });

    const sharedStringsPart = byType(workbookRels, 'sharedStrings');
    const stylesPart = byType(workbookRels, 'styles');
    const sharedStrings = sharedStringsPart && entries.has(keyOf(sharedStringsPart)) ? await parseSharedStrings(streamPart(sharedStringsPart)) : [];
    const dateStyles = stylesPart ? parseDateStyles((await readPart(stylesPart)) ?? '') : [];

    return { sheets, date1904, sharedStrings, dateStyles, streamPart, close: () => zip.close() };
  } catch (e) {
    zip.close();
    throw e;
  }
}

/**
 * Each `<si>`: its text runs joined, without the phonetic guides (`<rPh>`)
 * some writers add. Parsed as it streams: a large table costs its strings,
 * not its XML as well.
 */
export async function parseSharedStrings(xml: AsyncIterable<string>): Promise<string[]> {
  const strings: string[] = [];
  let current = '';
  let inText = false;
  let phonetic = 0;
  const parser = xmlParser({
    open(name) {
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === 'si') strings.push(unescapeOoxml(current));
      else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    text(t) {
      if (inText) current += t;
    },
  });
  for await (const piece of xml) parser.write(piece);
  parser.end();
  return strings;
}

/** For each cell format (`<cellXfs><xf>`), whether its number format shows a date. */
export function parseDateStyles(xml: string): boolean[] {
  const codes = new Map<number, string>();
  const formatIds: number[] = [];
  let inCellXfs = false;
  if (xml === '') return [];
  parseXml(xml, {
    open(name, a) {
      if (name === 'numFmt' && a.numFmtId !== undefined) codes.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) formatIds.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return formatIds.map((id) => isDateFormat(id, codes.get(id)));
}
