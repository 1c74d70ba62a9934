/** Deadline clocks and alerts in English. The type makes a missing or extra key a compile error. */
import type { deadlinesZhCN } from './deadlines.zh-CN';

type Shape<T> = { readonly [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const deadlinesEn: Shape<typeof deadlinesZhCN> = {
  clock: {
    kind: { first_response: 'First response', resolution: 'Resolution', follow_up: 'Follow-up', refund: 'Refund' },
    state: { running: 'Running', paused: 'Paused', met: 'Met', breached: 'Breached', cancelled: 'Cancelled' },
    left: '{{time}} left',
    over: '{{time}} over',
    due: 'Due {{at}}',
    stopped: 'Done {{at}}',
    untimed: 'Met, time not recorded',
    untimedHint: 'The source record says this step is done but gives no time for it: never a breach, and left out of the figures that need the time.',
    paused: 'Paused for {{time}}',
    none: 'No clock',
    title: 'Deadlines',
  },
  alerts: {
    bell: 'Alerts',
    bellCount: '{{count, number}} deadlines with unacknowledged alerts',
    hint: 'Each deadline is listed once, at its latest stage (approaching → overdue → escalated); acknowledging it acknowledges the deadline. Only alerts for your role and below are listed.',
    title: 'Unacknowledged alerts',
    empty: 'No unacknowledged alerts.',
    ack: 'Acknowledge',
    ackAll: 'Acknowledge all',
    acked: '{{count, number}} acknowledged.',
    raised: 'Raised {{at}}',
    stages: '{{count, number}} alerts',
    stagesSince: 'First alert at {{at}}',
    notice: {
      breached: 'overdue: {{count, number}} tickets',
      approaching: 'approaching: {{count, number}} tickets',
      escalated: 'overdue and escalated: {{count, number}} tickets',
      sep: '; ',
      catchUp: 'While the console was closed: {{text}}',
      close: 'Close the notice',
    },
    reminder: {
      title: 'Monthly report',
      failing: '{{month}} revision {{revision}} has not reached headquarters for {{since}}; it is still retried',
      rejected: '{{month}} revision {{revision}} was refused by headquarters and will not be retried',
      withError: '{{text}}. Last error: {{error}}',
      unsent: 'Last month ({{month}}) has not been sent to headquarters',
      unsentQueued: 'Last month ({{month}}) is queued but has not reached headquarters',
      open: 'Open 上报',
    },
    to: 'For: {{target}}',
    kind: { approaching: 'Approaching', breached: 'Breached', escalated: 'Escalated' },
    target: { assignee: 'Assignee', supervisor: 'Supervisor', manager: 'Manager' },
  },
};
