/** The knowledge base's error sentences (zh-CN and English). */
type Locale = 'zh-CN' | 'en';
type Params = Record<string, string | number>;
type Words = { zh: string; en: string };

const PROBLEMS: Record<string, Words> = {
  not_json: { zh: '文件不是有效的 JSON', en: 'the file is not valid JSON' },
  not_knowledge_file: { zh: '这不是投诉工作台导出的案例库文件', en: 'this is not a knowledge file exported by Complaint Desk' },
  format_version: { zh: '文件格式版本不受支持', en: 'the file format version is not supported' },
  too_large: { zh: '文件过大', en: 'the file is too large' },
  empty: { zh: '文件中没有任何条目', en: 'the file has no items' },
  duplicate_key: { zh: '编号重复出现', en: 'its key appears twice' },
  duplicate_step: { zh: '检查项编号重复', en: 'two steps share an id' },
  unknown_placeholder: { zh: '使用了未知的占位符', en: 'it uses an unknown placeholder' },
  kind_changed: { zh: '不能把检查清单改成话术模板（或反之）', en: 'a checklist cannot become a template, nor the other way round' },
  key: { zh: '编号只能用小写字母、数字、点和连字符', en: 'a key may use only lower-case letters, digits, dots and hyphens' },
  field: { zh: '字段缺失或不合规', en: 'a field is missing or not valid' },
  unknown_version: { zh: '没有这个版本', en: 'there is no such version' },
};

const pick = (w: Words | undefined, l: Locale, fallback: string) => (w ? (l === 'en' ? w.en : w.zh) : fallback);

export const KNOWLEDGE_TEMPLATES = {
  knowledge_invalid: (p: Params, l: Locale) => {
    const why = pick(PROBLEMS[String(p.problem)], l, String(p.problem));
    const where =
      l === 'en'
        ? [p.item !== undefined ? `Item ${p.item}` : '', p.key ? `${p.item !== undefined ? ' ' : ''}(${p.key})` : '', p.field ? `, ${p.field}` : '']
            .join('')
            .replace(/^, /, '')
        : [p.item !== undefined ? `第 ${p.item} 条` : '', p.key ? (p.item !== undefined ? `（${p.key}）` : `「${p.key}」`) : '', p.field ? `的 ${p.field}` : '']
            .join('')
            .replace(/^的 /, '');
    const prefix = where ? (l === 'en' ? `${where}: ` : `${where}：`) : '';
    const detail = p.detail ? (l === 'en' ? ` (${p.detail})` : `（${p.detail}）`) : '';
    const tail = p.nothingChanged ? (l === 'en' ? ' Nothing was changed.' : '未做任何更改。') : '';
    return l === 'en' ? `${prefix}${why}${detail}.${tail}` : `${prefix}${why}${detail}。${tail}`;
  },
  knowledge_conflict: (_p: Params, l: Locale) =>
    l === 'en'
      ? 'Someone saved this item meanwhile. Reload it and make your change again.'
      : '该条目已被他人修改并保存，请刷新后重新修改。',
};
