import { addDays, daysInclusive, shanghaiDate, type IsoDate } from '../../domain/time.js';
import type { ReportPeriod } from '../../contract/campaign-report.js';

/**
 * The three periods of the hot cell comparison, each as long as the campaign: the days before it, its own days, the
 * days after it. [from, to) in Shanghai dates. A period that has not begun at `asOf` is not available; one that has
 * begun but not ended is partial (its counts so far).
 */
export interface ReportPeriodRange {
  period: ReportPeriod;
  from: IsoDate;
  to: IsoDate;
  available: boolean;
  partial: boolean;
}

export function reportPeriodsOf(campaign: { startsOn: IsoDate; endsOn: IsoDate }, asOf: Date): ReportPeriodRange[] {
  const length = daysInclusive(campaign.startsOn, campaign.endsOn);
  const today = shanghaiDate(asOf);
  const range = (period: ReportPeriod, from: IsoDate): ReportPeriodRange => {
    const to = addDays(from, length);
    return { period, from, to, available: today >= from, partial: today >= from && today < to };
  };
  return [range('before', addDays(campaign.startsOn, -length)), range('during', campaign.startsOn), range('after', addDays(campaign.endsOn, 1))];
}
