/** The improvement projects' error sentences (zh-CN and English) and the names of their fields. */
import { MAX_BASELINE_DAYS } from './rules';
import { MAX_PERIODS } from './series';

type Locale = 'zh-CN' | 'en';
type Params = Record<string, string | number>;
type Words = { zh: string; en: string };

export const QC_PROJECT_FIELD_LABELS: Record<string, Words> = {
  projectTitle: { zh: '课题名称', en: 'project title' },
  kpi: { zh: '课题指标', en: 'KPI' },
  grain: { zh: '统计周期', en: 'chart period' },
  baselineFrom: { zh: '现状调查起始日', en: 'baseline start' },
  baselineTo: { zh: '现状调查截止日', en: 'baseline end' },
  startDay: { zh: '活动开始日', en: 'start day' },
  deadline: { zh: '完成期限', en: 'deadline' },
  target: { zh: '目标值', en: 'target' },
  rationale: { zh: '选题理由', en: 'reason for the topic' },
  survey: { zh: '现状调查', en: 'current-state survey' },
  consolidation: { zh: '巩固措施', en: 'consolidation' },
  causeGroup: { zh: '原因类别', en: 'cause group' },
  causeText: { zh: '末端原因', en: 'cause' },
  verdict: { zh: '要因确认', en: 'verdict' },
  evidence: { zh: '确认依据', en: 'evidence' },
  measure: { zh: '对策措施', en: 'countermeasure' },
  owner: { zh: '负责人', en: 'owner' },
  dueDay: { zh: '完成时间', en: 'due day' },
  causeId: { zh: '对应要因', en: 'cause' },
  district: { zh: '区县', en: 'district' },
  department: { zh: '部门', en: 'department' },
  reason: { zh: '删除原因', en: 'reason' },
};

const WHY: Record<string, (p: Params) => Words> = {
  bad_day: () => ({ zh: '日期须为有效的 YYYY-MM-DD。', en: 'must be a real day written YYYY-MM-DD.' }),
  baseline_reversed: () => ({ zh: '现状调查截止日不能早于起始日。', en: 'The baseline cannot end before it begins.' }),
  baseline_too_long: () => ({
    zh: `现状调查期最长 ${MAX_BASELINE_DAYS} 天。`,
    en: `The baseline can be at most ${MAX_BASELINE_DAYS} days long.`,
  }),
  baseline_future: () => ({ zh: '现状调查期还没有开始，没有数据可查。', en: 'The baseline has not begun yet: there is nothing to measure.' }),
  start_in_baseline: () => ({
    zh: '活动开始日须在现状调查期之后（活动前的数据才能作为对比基准）。',
    en: 'The project must start after its baseline ends (the baseline is what it is compared with).',
  }),
  deadline_before_start: () => ({ zh: '完成期限不能早于活动开始日。', en: 'The deadline cannot be before the start day.' }),
  target_rate: () => ({ zh: '目标值须在 0% 到 100% 之间。', en: 'The target must be between 0 % and 100 %.' }),
  target_duration: () => ({ zh: '目标时长须大于 0 小时，且不超过 30 天。', en: 'The target duration must be above 0 hours and at most 30 days.' }),
  too_many_months: () => ({
    zh: `从现状调查到完成期限跨度太长：图表最多 ${MAX_PERIODS.month} 个月。`,
    en: `From the baseline to the deadline is too long: the chart holds at most ${MAX_PERIODS.month} months.`,
  }),
  too_many_weeks: () => ({
    zh: `从现状调查到完成期限跨度太长：按周最多 ${MAX_PERIODS.week} 周，请改为按月统计。`,
    en: `From the baseline to the deadline is too long: at most ${MAX_PERIODS.week} weeks; chart it by month instead.`,
  }),
  evidence_required: () => ({
    zh: '判定为要因或非要因时，须写明确认依据（确认方法与结果）。',
    en: 'Confirming or ruling out a cause needs its evidence (how it was checked and what was found).',
  }),
  cause_elsewhere: () => ({ zh: '所选要因不属于这个课题。', en: 'That cause belongs to another project.' }),
  reason_required: () => ({
    zh: '课题已有要因确认记录，删除须写明原因。',
    en: 'Causes of this project carry verdicts: deleting it needs a reason.',
  }),
  closed: () => ({ zh: '课题已结题，不能再修改（如需修改请先重新打开）。', en: 'The project is closed; reopen it before changing it.' }),
};

export const QC_PROJECT_TEMPLATES = {
  qc_project_invalid: (p: Params, l: Locale) => {
    const why = WHY[String(p.why)];
    const field = QC_PROJECT_FIELD_LABELS[String(p.field)];
    if (!why) return l === 'en' ? 'The improvement project is not valid.' : '课题内容无效。';
    const w = why(p);
    if (p.why === 'bad_day' && field) return l === 'en' ? `The ${field.en} ${w.en}` : `${field.zh}${w.zh}`;
    return l === 'en' ? w.en : w.zh;
  },
};
