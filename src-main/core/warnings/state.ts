/** One word for where a warning stands, for the page's filter and badges. */
export const WARNING_STATES = ['pending', 'approved', 'rejected', 'published', 'recovered', 'closed'] as const;
export type WarningState = (typeof WARNING_STATES)[number];

export const WARNING_STATE_LABELS: Record<WarningState, { zh: string; en: string }> = {
  pending: { zh: '待审核', en: 'Awaiting review' },
  approved: { zh: '审核通过', en: 'Approved' },
  rejected: { zh: '审核未通过', en: 'Not approved' },
  published: { zh: '已发布', en: 'Published' },
  recovered: { zh: '已恢复', en: 'Recovered' },
  closed: { zh: '已关闭', en: 'Closed' },
};

/** An ended warning is recovered or closed whatever its review; an open one is as far as its review and publication went. */
export function warningState(w: { ended: 'recovered' | 'closed' | null; review: 'approved' | 'rejected' | null; publishedAt: number | null }): WarningState {
  if (w.ended !== null) return w.ended;
  if (w.publishedAt !== null) return 'published';
  return w.review ?? 'pending';
}
