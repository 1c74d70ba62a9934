/** Why an export or a verification was refused, in zh-CN and English. */
type Locale = 'zh-CN' | 'en';
type Params = Record<string, string | number>;

/** The few details the checks themselves give (anything else is the system's own message, shown as it is). */
const DETAILS: Record<string, { zh: string; en: string }> = {
  no_such_folder: { zh: '文件夹不存在', en: 'no such folder' },
  not_a_folder: { zh: '不是文件夹', en: 'not a folder' },
  no_such_file: { zh: '文件不存在', en: 'no such file' },
  a_folder: { zh: '这是一个文件夹，不是上报包文件', en: 'a folder, not a bundle file' },
};
const detailZh = (d: unknown) => DETAILS[String(d)]?.zh ?? String(d);
const detailEn = (d: unknown) => DETAILS[String(d)]?.en ?? String(d);

const WHY: Record<string, (p: Params) => { zh: string; en: string }> = {
  bad_month: (p) => ({ zh: `月份须为 YYYY-MM，收到「${p.value}」。`, en: `The month must be YYYY-MM, got "${p.value}".` }),
  future_month: (p) => ({ zh: `${p.month} 尚未开始，不能上报。`, en: `${p.month} has not begun yet; there is nothing to export.` }),
  no_branch_id: () => ({
    zh: '尚未填写分公司编号（设置 → 分公司），总部无法识别上报包的来源。填写后再导出。',
    en: 'The branch id is not set (Settings → Branch), so headquarters could not tell whose bundle it is. Set it, then export.',
  }),
  no_tickets: (p) => ({
    zh: `${p.month} 没有受理任何工单，未生成上报包。`,
    en: `No tickets were received in ${p.month}; no bundle was written.`,
  }),
  out_not_writable: (p) => ({
    zh: `无法写入输出文件夹 ${p.path}（${detailZh(p.detail)}）。未做任何更改。`,
    en: `Cannot write to the output folder ${p.path} (${detailEn(p.detail)}). Nothing was changed.`,
  }),
  reason_required: (p) => ({
    zh: `${p.month} 已上报过（第 ${p.revision} 版），数据已有变化：重新上报须填写原因（--reason）。`,
    en: `${p.month} was already sent (revision ${p.revision}) and its data changed since: give a reason (--reason) for the new revision.`,
  }),
  key_unreadable: (p) => ({
    zh: `签名密钥文件 ${p.path} 无法读取（${p.detail}）。请检查该文件，或将其移走以生成新密钥。`,
    en: `The signing key file ${p.path} cannot be read (${p.detail}). Check it, or move it away to make a new key.`,
  }),
  key_file_unreadable: (p) => ({
    zh: `公钥文件 ${p.path} 无法读取：${p.detail}`,
    en: `The public key file ${p.path} cannot be read: ${p.detail}`,
  }),
  busy: (p) => ({ zh: `正在生成 ${p.month} 的上报包，请稍候。`, en: `The bundle for ${p.month} is being made; please wait.` }),
  no_data_folder: () => ({ zh: '内存数据库没有数据文件夹，不能上报。', en: 'An in-memory database has no data folder to export from.' }),
  bundle_unreadable: (p) => ({ zh: `无法读取上报包 ${p.path}：${detailZh(p.detail)}`, en: `Cannot read the bundle ${p.path}: ${detailEn(p.detail)}` }),
};

export function exportRefusalMessage(p: Params, locale: Locale): string {
  const words = WHY[String(p.why)]?.(p) ?? { zh: `无法上报：${p.why}`, en: `Cannot export: ${p.why}` };
  return locale === 'en' ? words.en : words.zh;
}
