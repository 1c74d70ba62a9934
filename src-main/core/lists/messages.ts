/** Sentences for the kept lists (departments, cities, districts) and account edits, in zh-CN and en. */
type Params = Record<string, string | number>;
type Locale = 'zh-CN' | 'en';

export const LIST_KIND_LABELS: Record<string, { zh: string; en: string }> = {
  department: { zh: '责任部门', en: 'department' },
  city: { zh: '地市', en: 'city' },
  district: { zh: '区县', en: 'district' },
};

function listValue(p: Params, l: Locale): string {
  const k = LIST_KIND_LABELS[String(p.kind)] ?? { zh: String(p.kind), en: String(p.kind) };
  const v = String(p.value ?? '');
  const zh: Record<string, string> = {
    not_on_list: `「${v}」不在${k.zh}列表中，请从列表中选择（管理员可在“设置 → 基础列表”中添加）。`,
    retired: `${k.zh}「${v}」已停用，不能再用于新的选择，请从列表中另选一项。`,
    taken: `${k.zh}列表中已有「${v}」。`,
    taken_retired: `${k.zh}列表中已有「${v}」（已停用），请重新启用它而不是再添加一次。`,
    already_mapped: `待核对的${k.zh}「${v}」已经处理过了。`,
    name_required: `请填写${k.zh}名称。`,
    name_too_long: `${k.zh}名称太长（最多 40 个字）。`,
    name_control_chars: `${k.zh}名称含有控制字符，请删除后再提交。`,
  };
  const en: Record<string, string> = {
    not_on_list: `"${v}" is not on the ${k.en} list; choose one from the list (an administrator adds values under Settings → Lists).`,
    retired: `The ${k.en} "${v}" has been retired and cannot be chosen any more; choose another from the list.`,
    taken: `The ${k.en} list already has "${v}".`,
    taken_retired: `The ${k.en} list already has "${v}" (retired); restore it instead of adding it again.`,
    already_mapped: `The ${k.en} "${v}" waiting for review has already been dealt with.`,
    name_required: `Please give the ${k.en}'s name.`,
    name_too_long: `The ${k.en}'s name is too long (at most 40 characters).`,
    name_control_chars: `The ${k.en}'s name contains control characters; remove them and try again.`,
  };
  const why = String(p.why);
  return (l === 'en' ? en[why] : zh[why]) ?? (l === 'en' ? `The ${k.en} "${v}" cannot be used.` : `${k.zh}「${v}」不能使用。`);
}

function accountChange(p: Params, l: Locale): string {
  switch (p.reason) {
    case 'own_role':
      return l === 'en'
        ? 'You cannot change your own role: another administrator has to do it.'
        : '不能修改自己的角色，请由另一位管理员操作。';
    case 'last_admin':
      return l === 'en'
        ? 'This is the last active administrator: make someone else an administrator first.'
        : '这是最后一位在用的管理员，请先把另一位同事设为管理员。';
    default:
      return l === 'en' ? 'You cannot disable your own account.' : '不能停用自己的账号。';
  }
}

export const LIST_TEMPLATES = {
  list_value: listValue,
  account_change_refused: accountChange,
};
