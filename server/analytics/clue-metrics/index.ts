// The clue loop's figures per department or district (docs/clues.md#metrics): the on-time rate that counts open
// overdue clues against it, handling times as percentiles (a mean hides the long tail the desk must chase), the
// conversion of clues into cases (线索案件转化率) and the reopen rate (重办: "closed" that was not fixed).

export interface ClueOutcome {
  /** The department or district the figures are grouped by. */
  group: string;
  receivedAt: Date;
  dueAt: Date | null;
  closedAt: Date | null;
  /** Still open (neither closed nor rejected). */
  open: boolean;
  /** The clue became a case (立案) or a violation was found on it. */
  becameCase: boolean;
  /** Times the clue was redone (重办) after its reporter was not satisfied. */
  redone: number;
}

export interface ClueMetrics {
  group: string;
  received: number;
  closed: number;
  closedOnTime: number;
  openOverdue: number;
  /** closed on time ÷ (closed + open overdue); null when both are 0. */
  onTimeRate: number | null;
  /** Hours from receipt to closing of the closed clues, nearest-rank percentiles; null without closed clues. */
  handlingHours: { p50: number; p90: number; max: number } | null;
  /** Clues that became cases ÷ clues received. */
  conversionRate: number | null;
  /** Closed clues redone at least once ÷ closed clues. */
  reopenRate: number | null;
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** The nearest-rank percentile (the smallest value with at least p of the values at or below it) of sorted values. */
export function nearestRank(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('no values');
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/** The figures of each group at `now`, groups in name order. */
export function clueMetrics(outcomes: readonly ClueOutcome[], now: Date): ClueMetrics[] {
  const groups = new Map<string, ClueOutcome[]>();
  for (const o of outcomes) groups.set(o.group, [...(groups.get(o.group) ?? []), o]);
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, list]) => {
      const closed = list.filter((o) => o.closedAt !== null);
      const closedOnTime = closed.filter((o) => o.dueAt !== null && o.closedAt!.getTime() <= o.dueAt.getTime()).length;
      const openOverdue = list.filter((o) => o.open && o.dueAt !== null && o.dueAt.getTime() < now.getTime()).length;
      const hours = closed.map((o) => (o.closedAt!.getTime() - o.receivedAt.getTime()) / 3_600_000).sort((a, b) => a - b);
      return {
        group,
        received: list.length,
        closed: closed.length,
        closedOnTime,
        openOverdue,
        onTimeRate: ratio(closedOnTime, closed.length + openOverdue),
        handlingHours: hours.length ? { p50: nearestRank(hours, 0.5), p90: nearestRank(hours, 0.9), max: hours[hours.length - 1] } : null,
        conversionRate: ratio(list.filter((o) => o.becameCase).length, list.length),
        reopenRate: ratio(closed.filter((o) => o.redone > 0).length, closed.length),
      };
    });
}
