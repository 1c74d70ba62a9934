/** 导出 (Excel out) strings in Chinese; merged into zh-CN.ts under `sheets`. sheets.en.ts must match this shape. */
export const sheetsZhCN = {
  export: '导出',
  xlsx: 'Excel 工作簿（.xlsx）',
  csv: 'CSV（UTF-8，Excel 可直接打开）',
  writing: '正在导出…',
  progress: '已写入 {{done, number}} / {{total, number}} 行',
  done: '已导出 {{count, number}} 行：{{name}}',
};
