/**
 * The XLSX reader against packages written by hand, one quirk each, that the
 * writers in tests/fixtures/crm-writers do not produce but the format allows:
 * namespace prefixes (the .NET Open XML SDK writes `<x:row>`), absolute and
 * oddly named part paths found only through relationships, cells without
 * references, ISO date cells, `_x000D_` escapes, phonetic runs, the 1904 date
 * system, no styles part at all.
 */
import fs from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DomainError } from '../../../src-main/core/errors';
import type { SourceRow } from '../../../src-main/core/import/types';
import { messageFor } from '../../../src-main/core/messages';
import { readXlsx, type SheetChoice } from '../../../src-main/services/import/xlsx-source';
import { tempDir } from '../../helpers/temp-db';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

async function zip(name: string, parts: Record<string, string>): Promise<string> {
  const file = path.join(dir, name);
  const z = new yazl.ZipFile();
  for (const [p, text] of Object.entries(parts)) z.addBuffer(Buffer.from(text, 'utf8'), p);
  z.end();
  await new Promise<void>((resolve, reject) => {
    z.outputStream.pipe(fs.createWriteStream(file)).on('close', resolve).on('error', reject);
  });
  return file;
}

async function rows(file: string, choice: SheetChoice = {}): Promise<SourceRow[]> {
  const out: SourceRow[] = [];
  for await (const r of readXlsx(file, choice)) out.push(r);
  return out;
}

describe('XLSX packages as the format allows them', () => {
  it('reads prefixed elements, absolute targets, odd part names, cells without references, and no styles', async () => {
    const file = await zip('sdk.xlsx', {
      // The entries in an order no spreadsheet program uses: the sheet first, the package's root relationships last.
      'xl/data/tickets.xml':
        `<?xml version="1.0" encoding="utf-8"?><x:worksheet xmlns:x="${MAIN}"><x:sheetData>` +
        `<x:row r="1"><x:c t="inlineStr"><x:is><x:t>工单编号</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>投诉内容</x:t></x:is></x:c></x:row>` +
        `<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c><x:v>42</x:v></x:c></x:row>` +
        `<x:row r="5"><x:c r="C5" t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c></x:row>` +
        `</x:sheetData></x:worksheet>`,
      'xl/strings.xml':
        `<x:sst xmlns:x="${MAIN}"><x:si><x:t>A-1</x:t></x:si>` +
        `<x:si><x:r><x:t xml:space="preserve">第一行_x000D_</x:t></x:r><x:r><x:t>&#10;第二行</x:t></x:r><x:rPh sb="0" eb="1"><x:t>だい</x:t></x:rPh></x:si></x:sst>`,
      'xl/book.xml': `<x:workbook xmlns:x="${MAIN}" xmlns:r="${REL}"><x:sheets><x:sheet name="工单 &amp; 备注" sheetId="7" r:id="R9"/></x:sheets></x:workbook>`,
      'xl/_rels/book.xml.rels':
        `<Relationships xmlns="${PKG_REL}">` +
        `<Relationship Id="R9" Type="${REL}/worksheet" Target="/xl/data/tickets.xml"/>` +
        `<Relationship Id="R2" Type="${REL}/sharedStrings" Target="strings.xml"/></Relationships>`,
      '_rels/.rels': `<Relationships xmlns="${PKG_REL}"><Relationship Id="r1" Type="${REL}/officeDocument" Target="xl/book.xml"/></Relationships>`,
    });
    const found = { sheets: [] as string[], sheet: null as string | null };
    expect(await rows(file, { found })).toEqual([
      { line: 1, cells: ['工单编号', '投诉内容'] },
      { line: 2, cells: ['A-1', '第一行\r\n第二行', '42'] },
      { line: 5, cells: ['', '', 'TRUE', '#N/A'] },
    ]);
    expect(found).toEqual({ sheets: ['工单 & 备注'], sheet: '工单 & 备注' });
  });

  it('shows dates as Excel does: ISO date cells as written, serials in the 1904 system, custom and built-in date formats', async () => {
    const file = await zip('dates.xlsx', {
      '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      '_rels/.rels': `<Relationships xmlns="${PKG_REL}"><Relationship Id="r1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      'xl/workbook.xml': `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr date1904="1"/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels':
        `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
      'xl/styles.xml':
        `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot; h:mm"/></numFmts>` +
        `<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>` +
        `<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="22"/></cellXfs></styleSheet>`,
      'xl/worksheets/sheet1.xml':
        `<worksheet xmlns="${MAIN}"><sheetData><row r="1">` +
        `<c r="A1" t="d"><v>2026-10-02T09:00:00.000</v></c>` +
        // 1904 system: 2026-10-02 09:00 is 1,462 days earlier than in the 1900 system (46297.375).
        `<c r="B1" s="1"><v>44835.375</v></c><c r="C1" s="2"><v>44835.5</v></c><c r="D1"><v>44835.5</v></c>` +
        `</row></sheetData></worksheet>`,
    });
    expect(await rows(file)).toEqual([{ line: 1, cells: ['2026-10-02 09:00:00', '2026-10-02 09:00:00', '2026-10-02 12:00:00', '44835.5'] }]);
  });

  it('refuses a zip with no workbook in words, and a chosen sheet the workbook lacks', async () => {
    const notAWorkbook = await zip('photos.xlsx', { 'DCIM/1.txt': 'hello' });
    await expect(rows(notAWorkbook)).rejects.toMatchObject({ code: 'import_refused', params: { what: 'bad_xlsx', detail: expect.stringContaining('no workbook') } });
    const noSheets = await zip('empty.xlsx', {
      'xl/workbook.xml': `<workbook xmlns="${MAIN}"><sheets/></workbook>`,
    });
    await expect(rows(noSheets)).rejects.toMatchObject({ code: 'import_refused', params: { what: 'empty' } });
    await expect(rows(noSheets, { sheet: '2' })).rejects.toMatchObject({ code: 'import_refused', params: { what: 'no_sheet', sheet: '2' } });
  });

  it('names an OpenDocument spreadsheet and an Excel binary workbook, so the user knows to save them as .xlsx', async () => {
    const ods = await zip('calc.ods', { mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<office:document-content/>' });
    await expect(rows(ods)).rejects.toMatchObject({ code: 'import_refused', params: { what: 'other_workbook', kind: 'ods' } });
    const xlsb = await zip('book.xlsb', {
      '_rels/.rels': `<Relationships xmlns="${PKG_REL}"><Relationship Id="r1" Type="${REL}/officeDocument" Target="xl/workbook.bin"/></Relationships>`,
      'xl/workbook.bin': '\u0083\u0001\u0000',
    });
    const refusal = await rows(xlsb).catch((e: unknown) => e);
    expect(refusal).toMatchObject({ code: 'import_refused', params: { what: 'other_workbook', kind: 'xlsb' } });
    expect(messageFor(refusal as DomainError, 'zh-CN')).toBe('这是 Excel 二进制工作簿（.xlsb），请另存为 .xlsx 或 CSV 后再导入。');
  });

  it('refuses a cell beyond Excel\'s last column (XFD) instead of building a row of millions of cells', async () => {
    const file = await zip('wide.xlsx', {
      'xl/workbook.xml': `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      'xl/worksheets/sheet1.xml': `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row><row r="2"><c r="XFE2"><v>3</v></c></row></sheetData></worksheet>`,
    });
    await expect(rows(file)).rejects.toMatchObject({ code: 'import_refused', params: { what: 'bad_xlsx', detail: expect.stringContaining('XFE2') } });
  });
});
