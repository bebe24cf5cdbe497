import type { ReviewPeriod } from '../../server/contract/review.js';
import { addMonths } from '../../server/analytics/review/presets.js';
import { addDays, weekStartOf } from '../../server/domain/time.js';
import type { ReviewStep } from './review-url.js';

// The time slider's positions: the months (or Monday weeks) from the slider's start to today, the last one cut at
// today. Moving it makes the period that one step.

export function sliderSteps(sliderFrom: string, today: string, step: ReviewStep): ReviewPeriod[] {
  const steps: ReviewPeriod[] = [];
  let from = step === 'week' ? weekStartOf(sliderFrom) : `${sliderFrom.slice(0, 7)}-01`;
  while (from <= today) {
    const next = step === 'week' ? addDays(from, 7) : addMonths(from, 1);
    const to = addDays(next, -1);
    steps.push({ from, to: to < today ? to : today });
    from = next;
  }
  return steps;
}

/** The step a period starts in (clamped to the slider), so a shared link or a preset puts the knob where it belongs. */
export function stepIndexOf(steps: readonly ReviewPeriod[], period: ReviewPeriod | null): number {
  if (steps.length === 0) return 0;
  if (!period) return steps.length - 1;
  let index = 0;
  while (index + 1 < steps.length && steps[index + 1].from <= period.from) index++;
  return index;
}
