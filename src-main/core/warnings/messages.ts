/** The warning lifecycle's error sentences (zh-CN and English). */
type Locale = 'zh-CN' | 'en';
type Params = Record<string, string | number>;

const WHY: Record<string, { zh: string; en: string }> = {
  ended: { zh: '该预警已恢复或关闭，不能再操作。', en: 'This warning has recovered or been closed; nothing more can be done to it.' },
  reviewed: { zh: '该预警已审核过。', en: 'This warning has already been reviewed.' },
  not_approved: { zh: '只有审核通过的预警才能发布。', en: 'Only a warning that passed review can be published.' },
  published: { zh: '该预警已发布。', en: 'This warning has already been published.' },
  no_recipients: {
    zh: '预警接收人名单为空，请先在预警设置中添加接收人。',
    en: 'The recipient list is empty: add recipients in the warning settings first.',
  },
  open_exists: {
    zh: '该类别、范围和周期已有一条未结束的预警，请在那条预警上审核或发布。',
    en: 'This category, scope and period already has an open warning; review or publish that one.',
  },
  no_baseline: {
    zh: '该类别历史不足6个月，没有基数值，不能发布预警。',
    en: 'This category has less than 6 months of history, so there is no baseline to warn against.',
  },
};

export const WARNING_TEMPLATES = {
  warning_state: (p: Params, l: Locale) => {
    const w = WHY[String(p.why)];
    return w ? (l === 'en' ? w.en : w.zh) : l === 'en' ? 'This warning cannot take that step now.' : '该预警当前不能执行此操作。';
  },
};
