/** Deadline clocks and alerts, in Chinese. deadlines.en.ts must match this shape. */
export const deadlinesZhCN = {
  clock: {
    kind: { first_response: '首次响应', resolution: '办结', follow_up: '回访', refund: '退费' },
    state: { running: '计时中', paused: '已暂停', met: '按时完成', breached: '已超时', cancelled: '已取消' },
    left: '剩 {{time}}',
    over: '超时 {{time}}',
    due: '到期 {{at}}',
    stopped: '完成于 {{at}}',
    untimed: '已完成（未记录时间）',
    untimedHint: '来源记录显示此环节已完成，但未给出完成时间：不计超时，也不计入需要该时间的指标。',
    paused: '暂停共 {{time}}',
    none: '无计时',
    title: '处理时限',
  },
  alerts: {
    bell: '提醒',
    bellCount: '{{count, number}} 条未确认提醒',
    title: '未确认的提醒',
    empty: '没有未确认的提醒。',
    ack: '确认',
    ackAll: '全部确认',
    acked: '已确认 {{count, number}} 条。',
    raised: '发出于 {{at}}',
    to: '通知：{{target}}',
    kind: { approaching: '即将超时', breached: '已超时', escalated: '超时升级' },
    target: { assignee: '处理人', supervisor: '班长/主管', manager: '经理' },
  },
} as const;
