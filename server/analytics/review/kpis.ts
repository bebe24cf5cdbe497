import type { ReviewKpis } from '../../contract/review.js';

/** What is counted of a unit's clues and check-ins in a period; the rates follow from them (`kpisOf`). */
export interface ReviewCounts {
  received: number;
  closed: number;
  closedOnTime: number;
  openOverdue: number;
  institutionsNamed: number;
  repeatOffenders: number;
  inspections: number;
  violationsFound: number;
}

export const NO_COUNTS: ReviewCounts = Object.freeze({ received: 0, closed: 0, closedOnTime: 0, openOverdue: 0, institutionsNamed: 0, repeatOffenders: 0, inspections: 0, violationsFound: 0 });

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/**
 * The KPIs of the counts. The on-time rate divides by the closed and the open overdue together: a clue left open past
 * its 办理时限 is a late one, not one that has not counted yet (an on-time rate of closed clues alone would reward
 * leaving the hard cases open).
 */
export function kpisOf(c: ReviewCounts): ReviewKpis {
  return { ...c, closureRate: ratio(c.closed, c.received), onTimeRate: ratio(c.closedOnTime, c.closed + c.openOverdue) };
}
