/**
 * The sentences of an import report, in the reader's language: why a row was
 * refused, and why a whole file was. The CRM team reads these in the rejects
 * file, so each says what is wrong and what would be right.
 */
import type { Locale } from '../messages';
import { FIELD_HEADERS, type HeaderMap } from './headers';
import type { ImportField, Problem, ProblemCode, RejectedCell } from './types';

type Params = Record<string, string | number>;
type Sentence = (p: Params) => string;

const TIME_FORMS = 'YYYY-MM-DD HH:mm[:ss], YYYY/MM/DD HH:mm[:ss], ISO-8601 (+08:00)';

const ZH: Record<ProblemCode, Sentence> = {
  required: () => '不能为空。',
  too_long: (p) => `内容过长（最多 ${p.max} 个字）。`,
  invalid_phone: () => '不是 11 位大陆手机号码，也不是带区号的固定电话（如 020-12345678）。',
  unknown_channel: () => '未知的受理渠道（可填 10086、10080、12300、营业厅、在线客服、社交媒体、其他）。',
  unknown_level: () => '未知的工单级别（可填 普通、重大、越级）。',
  unknown_status: () => '未知的处理状态（可填 新建、已受理、处理中、待客户（挂起）、已答复、已办结、已回访关闭、已作废）。',
  unknown_satisfaction: () => '未知的满意度（可填 满意、基本满意、不满意）。',
  unknown_category: () => '未知的投诉类别（填一级或二级类别名，或「一级/二级」）。',
  bad_time: () => `时间格式不对（应为 ${TIME_FORMS}）。`,
  in_future: () => '时间晚于现在。',
  before_received: () => '早于受理时间。',
  closed_before_resolved: () => '关闭时间早于办结时间。',
  resolved_time_required: () => '处理状态为已办结或已关闭，但办结时间为空。',
  garbled: () => '含有无法识别的字符（文件编码可能不对）。',
  extra_cells: (p) => `该行有 ${p.count} 列，表头只有 ${p.expected} 列（可能有未加引号的逗号）。`,
  duplicate_in_file: (p) => `与第 ${p.line} 行是同一工单（渠道 + 工单编号重复）。`,
};

const EN: Record<ProblemCode, Sentence> = {
  required: () => 'Required, but empty.',
  too_long: (p) => `Too long (at most ${p.max} characters).`,
  invalid_phone: () => 'Neither an 11-digit mainland mobile number nor a fixed line with its area code (020-12345678).',
  unknown_channel: () => 'Unknown channel (use 10086, 10080, 12300, store, online, social, other).',
  unknown_level: () => 'Unknown level (use normal, major, overlevel).',
  unknown_status: () =>
    'Unknown status (use new, accepted, in_progress, pending_customer, responded, resolved, closed, voided).',
  unknown_satisfaction: () => 'Unknown satisfaction (use satisfied, basically_satisfied, dissatisfied).',
  unknown_category: () => 'Unknown category (a first- or second-level name, or "first/second").',
  bad_time: () => `Not a time (expected ${TIME_FORMS}).`,
  in_future: () => 'In the future.',
  before_received: () => 'Before the received time.',
  closed_before_resolved: () => 'Before the resolved time.',
  resolved_time_required: () => 'Empty, although the status is resolved or closed.',
  garbled: () => 'Holds characters that could not be decoded (wrong file encoding?).',
  extra_cells: (p) => `The row has ${p.count} cells but the header only ${p.expected} (an unquoted comma?).`,
  duplicate_in_file: (p) => `Same ticket as line ${p.line} (channel and ticket number repeated).`,
};

export function problemReason(problem: Problem, locale: Locale): string {
  return (locale === 'en' ? EN : ZH)[problem.code](problem.params ?? {});
}

/** The column as the file names it; a field the file lacks gets its standard header. */
export function columnName(field: ImportField | null, header: HeaderMap, locale: Locale): string {
  if (field === null) return '';
  const i = header.index[field];
  if (i !== undefined) return header.columns[i]!.header;
  return locale === 'en' ? FIELD_HEADERS[field].en : FIELD_HEADERS[field].zh;
}

export function rejectedCells(line: number, problems: readonly Problem[], header: HeaderMap, locale: Locale): RejectedCell[] {
  return problems.map((p) => ({
    line,
    column: columnName(p.field, header, locale),
    value: p.value,
    reason: problemReason(p, locale),
  }));
}

const CSV_DETAILS: Record<string, { zh: string; en: string }> = {
  quote_not_closed: { zh: '引号没有闭合', en: 'a quote is never closed' },
  bad_quote: { zh: '引号后紧跟了其他字符', en: 'a closing quote is followed by other characters' },
  record_too_large: { zh: '一行内容过长，可能缺少引号', en: 'a row is far too long, probably a missing quote' },
  other: { zh: '无法解析', en: 'cannot be parsed' },
};

/** Why a whole file is refused. `what` says which case; the other parameters fill the sentence. */
export function refusalMessage(p: Params, locale: Locale): string {
  const en = locale === 'en';
  switch (p.what) {
    case 'not_found':
      return en ? `The file ${p.file} cannot be opened.` : `无法打开文件 ${p.file}。`;
    case 'empty':
      return en ? 'The file is empty.' : '文件是空的。';
    case 'binary':
      return en
        ? 'The file is not CSV, XLSX or XLS (it holds binary data). Export the tickets from the CRM as CSV or Excel.'
        : '文件不是 CSV、XLSX 或 XLS（含有二进制内容）。请从 CRM 导出为 CSV 或 Excel 文件。';
    case 'bad_xls':
      return en
        ? `The Excel 97-2003 (.xls) file cannot be read: ${p.detail}`
        : `Excel 97-2003（.xls）文件无法读取：${p.detail}`;
    case 'bad_xlsx':
      return en ? `The XLSX file cannot be read: ${p.detail}` : `XLSX 文件无法读取：${p.detail}`;
    case 'other_workbook':
      if (p.kind === 'encrypted') {
        return en
          ? 'This workbook is password-protected. Open it in Excel, save a copy without the password, and import that.'
          : '该工作簿设有打开密码。请在 Excel 中打开，另存一份不带密码的副本后再导入。';
      }
      return en
        ? `This is ${p.kind === 'ods' ? 'an OpenDocument spreadsheet (.ods)' : 'an Excel binary workbook (.xlsb)'}. Save it as .xlsx or CSV and import that.`
        : `这是${p.kind === 'ods' ? ' OpenDocument 表格（.ods）' : ' Excel 二进制工作簿（.xlsb）'}，请另存为 .xlsx 或 CSV 后再导入。`;
    case 'no_sheet':
      return en ? `The workbook has no sheet "${p.sheet}".` : `工作簿中没有名为「${p.sheet}」的工作表。`;
    case 'malformed_csv': {
      const detail = CSV_DETAILS[String(p.detail)] ?? CSV_DETAILS.other!;
      return en
        ? `The CSV is malformed at line ${p.line} (${detail.en}); what follows cannot be read reliably, so nothing was imported.`
        : `CSV 文件第 ${p.line} 行格式错误（${detail.zh}），其后的内容无法可靠读取，因此没有导入任何数据。`;
    }
    case 'missing_columns': {
      const missing = fieldList(String(p.fields).split(',') as ImportField[], locale);
      return en
        ? `The file lacks required columns: ${missing}. If one of its columns holds it under another name, map that column in the preview.`
        : `文件缺少必需的列：${missing}。如果文件中某一列就是它（只是列名不同），请在预览中把该列对应过去。`;
    }
    case 'no_such_column':
      return en ? `The file has no column "${p.column}".` : `文件中没有「${p.column}」这一列。`;
    case 'field_mapped_twice':
      return en
        ? `Column "${p.column}" is mapped to a field the file already has in another column.`
        : `「${p.column}」对应到的字段在文件中已有别的列，同一字段只能对应一列。`;
    case 'too_large':
      return en ? `The file is larger than ${p.max} MB.` : `文件超过 ${p.max} MB。`;
    case 'upload_gone':
      return en ? 'The uploaded file has expired. Choose the file again.' : '上传的文件已过期，请重新选择文件。';
    default:
      return en ? 'The file cannot be read.' : '无法读取该文件。';
  }
}

/** Required columns by their standard headers, for refusals. */
export function fieldList(fields: readonly ImportField[], locale: Locale): string {
  return fields.map((f) => (locale === 'en' ? FIELD_HEADERS[f].en : FIELD_HEADERS[f].zh)).join(locale === 'en' ? ', ' : '、');
}
