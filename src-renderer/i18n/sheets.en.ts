/** 导出 (Excel out) strings in English; the shape of sheets.zh-CN.ts. */
import type { sheetsZhCN } from './sheets.zh-CN';

export const sheetsEn: Record<keyof typeof sheetsZhCN, string> = {
  export: 'Export',
  xlsx: 'Excel workbook (.xlsx)',
  csv: 'CSV (UTF-8, opens in Excel)',
  writing: 'Exporting…',
  progress: '{{done, number}} of {{total, number}} rows written',
  done: '{{count, number}} rows exported: {{name}}',
};
