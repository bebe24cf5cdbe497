// How a count of one period compares with the period of the same length just before it: the KPI cards, the wall and
// the leaders' review say it the same way.

/**
 * Below this many in the base period a percentage says more about chance than about change (three clues becoming
 * nine is "▲200%"), and the demo data's first period has almost none: the change is not given.
 */
export const MIN_CHANGE_BASE = 20;

export type PeriodChange =
  | { kind: 'change'; ratio: number; current: number; base: number }
  | { kind: 'baseTooSmall'; current: number; base: number; minimum: number }
  /** The records begin inside the base period: its count is of a part of it only. */
  | { kind: 'baseIncomplete'; current: number; base: number };

/**
 * `baseComplete` says whether the records cover the whole base period (they begin before it): a count of the few
 * days recorded is no base, however many clues they hold.
 */
export function periodChange(current: number, base: number, baseComplete = true): PeriodChange {
  if (!Number.isInteger(current) || !Number.isInteger(base) || current < 0 || base < 0) {
    throw new RangeError(`counts must be whole numbers ≥ 0, got ${current} and ${base}`);
  }
  if (!baseComplete) return { kind: 'baseIncomplete', current, base };
  if (base < MIN_CHANGE_BASE) return { kind: 'baseTooSmall', current, base, minimum: MIN_CHANGE_BASE };
  return { kind: 'change', ratio: (current - base) / base, current, base };
}

/**
 * The change of a count from `base` to `current` as a ratio (+0.25 = a quarter more), or null where `periodChange`
 * gives none (a base below MIN_CHANGE_BASE) or a value is missing: the review page and its briefing print the same.
 */
export function changeRatio(current: number | null, base: number | null): number | null {
  if (current === null || base === null) return null;
  const change = periodChange(current, base);
  return change.kind === 'change' ? change.ratio : null;
}
