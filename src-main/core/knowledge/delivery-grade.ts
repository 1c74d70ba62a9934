/**
 * 12580 delivery complaints, graded as the delivery compensation rules say.
 *
 * 一级 (the agent settles it, no money): a slightly late pick-up or delivery,
 * the courier's attitude, dirty or damaged packaging with the goods unharmed.
 * 二级 (a claim, 理赔): seriously late, the goods damaged, lost, overcharged,
 * or another loss.
 *
 * The time rules, applied to the times recorded on the ticket:
 * - pick-up is late when it came more than 60 minutes after the customer
 *   asked for it, or after the time agreed with the customer;
 * - delivery is late once the first delivery comes after the promised time;
 * - it is seriously late when the first delivery comes after 12:00 noon
 *   (branch time) of the day after the promised time;
 * - a parcel still not delivered more than 7 calendar days (7 × 24 h) after
 *   the promised time counts as lost.
 * A time exactly on a limit is still on time. While a step has not happened,
 * `now` stands in for it, so a parcel grows late as the clock runs.
 */
import { TZDate } from '@date-fns/tz';

export const PICKUP_LIMIT_MS = 60 * 60_000;
export const LOST_AFTER_MS = 7 * 24 * 3_600_000;

export const DELIVERY_ISSUES = ['attitude', 'packaging', 'damaged', 'lost', 'overcharged', 'other_loss'] as const;
export type DeliveryIssue = (typeof DELIVERY_ISSUES)[number];

export interface DeliveryFacts {
  /** When the customer called for a pick-up. */
  pickupRequestedAt: number | null;
  /** A pick-up time agreed with the customer, replacing the 60-minute limit. */
  pickupAgreedAt: number | null;
  pickedUpAt: number | null;
  /** The delivery time promised by the service (服务承诺时效). */
  promisedAt: number | null;
  /** The first delivery attempt (首次派件). */
  deliveredAt: number | null;
  /** What the customer reports besides lateness. */
  issues: DeliveryIssue[];
}

export type DeliveryFinding =
  | 'late_pickup'
  | 'late_delivery'
  | 'seriously_late'
  | 'lost'
  | 'attitude'
  | 'packaging'
  | 'damaged'
  | 'overcharged'
  | 'other_loss';

const GRADE_OF: Record<DeliveryFinding, 1 | 2> = {
  late_pickup: 1,
  late_delivery: 1,
  attitude: 1,
  packaging: 1,
  seriously_late: 2,
  lost: 2,
  damaged: 2,
  overcharged: 2,
  other_loss: 2,
};

/** The delivery sub-category each finding files under (the most serious one wins). */
export const FINDING_CATEGORY: Record<DeliveryFinding, string> = {
  late_pickup: '一般晚点',
  late_delivery: '一般晚点',
  attitude: '服务态度',
  packaging: '包装污染/受损',
  seriously_late: '严重晚点',
  lost: '丢失',
  damaged: '物品受损',
  overcharged: '费用多收',
  other_loss: '其他理赔',
};

const SEVERITY: readonly DeliveryFinding[] = [
  'lost',
  'damaged',
  'seriously_late',
  'overcharged',
  'other_loss',
  'late_delivery',
  'late_pickup',
  'packaging',
  'attitude',
];

export interface DeliveryGrade {
  /** null: nothing in the facts makes it a delivery complaint yet. */
  grade: 1 | 2 | null;
  findings: DeliveryFinding[];
  /** The sub-category of the most serious finding. */
  suggestedCategory: string | null;
  /** 12:00 of the day after the promised time: first delivery after this is seriously late. */
  seriouslyLateAfter: number | null;
  lostAfter: number | null;
  /** A 二级 complaint is a claim: a 赔付 (compensation) entry for its most serious finding. */
  proposal: { refundType: 'compensation'; finding: DeliveryFinding } | null;
}

/** 12:00 in the zone on the calendar day after `at`'s own day. */
export function noonOfNextDay(at: number, zone: string): number {
  const local = new TZDate(at, zone);
  // Day 31 + 1 rolls over into the next month, as Date does.
  return new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + 1, 12, 0, 0, zone).getTime();
}

export function gradeDelivery(facts: DeliveryFacts, now: number, zone: string): DeliveryGrade {
  const found = new Set<DeliveryFinding>();

  if (facts.pickupRequestedAt !== null || facts.pickupAgreedAt !== null) {
    const due = facts.pickupAgreedAt ?? facts.pickupRequestedAt! + PICKUP_LIMIT_MS;
    const came = facts.pickedUpAt ?? now;
    if (came > due) found.add('late_pickup');
  }

  let seriouslyLateAfter: number | null = null;
  let lostAfter: number | null = null;
  if (facts.promisedAt !== null) {
    seriouslyLateAfter = noonOfNextDay(facts.promisedAt, zone);
    lostAfter = facts.promisedAt + LOST_AFTER_MS;
    if (facts.deliveredAt !== null) {
      if (facts.deliveredAt > seriouslyLateAfter) found.add('seriously_late');
      else if (facts.deliveredAt > facts.promisedAt) found.add('late_delivery');
    } else if (now > lostAfter) found.add('lost');
    else if (now > seriouslyLateAfter) found.add('seriously_late');
    else if (now > facts.promisedAt) found.add('late_delivery');
  }

  for (const issue of facts.issues) found.add(issue);

  const findings = SEVERITY.filter((f) => found.has(f));
  const grade = findings.length === 0 ? null : findings.some((f) => GRADE_OF[f] === 2) ? 2 : 1;
  const worst = findings[0] ?? null;
  return {
    grade,
    findings,
    suggestedCategory: worst ? FINDING_CATEGORY[worst] : null,
    seriouslyLateAfter,
    lostAfter,
    proposal: grade === 2 && worst ? { refundType: 'compensation', finding: worst } : null,
  };
}
