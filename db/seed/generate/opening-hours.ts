import { createRandom, seedOfText } from '../../../server/domain/random.js';
import { formatClock, parseClock } from '../../../server/domain/time.js';
import type { InstitutionCategory, InstitutionStatus } from '../../../server/domain/vocabulary.js';

/** Opening hours (营业时间) of a demo institution: school days, and weekends / holidays / vacation days. */
export interface OpeningHours {
  weekday: { opens: string; closes: string } | null;
  weekend: { opens: string; closes: string } | null;
}

/**
 * Typical hours by category: tutoring runs after school on school days (from about 16:00, later for academic
 * courses, which follow the end of the school day) and all day when schools are closed; sports venues open earlier
 * and close earlier at weekends. Each institution shifts them by up to half an hour either way.
 */
const TYPICAL: Record<InstitutionCategory, { weekday: [string, string]; weekend: [string, string] }> = {
  学科类: { weekday: ['16:30', '20:30'], weekend: ['08:30', '20:30'] },
  文化艺术: { weekday: ['15:30', '21:00'], weekend: ['09:00', '20:30'] },
  科技: { weekday: ['16:00', '20:30'], weekend: ['09:00', '18:00'] },
  体育: { weekday: ['16:00', '21:00'], weekend: ['08:00', '20:00'] },
  其他: { weekday: ['16:00', '21:00'], weekend: ['08:30', '20:30'] },
};

const HALF_HOUR = 1800;

/**
 * Deterministic in the institution's id (its own generator, so adding hours changes no other demo data). An
 * operator without a licence has published no hours in about a third of cases: null, any time.
 */
export function openingHoursOf(id: number, category: InstitutionCategory, status: InstitutionStatus): OpeningHours {
  const random = createRandom(seedOfText(`opening-hours:${id}`));
  if (status === 'unlicensed' && random.chance(1 / 3)) return { weekday: null, weekend: null };
  const shift = (range: [string, string]) => {
    const opens = parseClock(range[0], 'opens') + (random.int(3) - 1) * HALF_HOUR;
    const closes = Math.min(parseClock('21:30', 'closes'), parseClock(range[1], 'closes') + (random.int(3) - 1) * HALF_HOUR);
    return { opens: formatClock(opens), closes: formatClock(closes) };
  };
  const typical = TYPICAL[category];
  return { weekday: shift(typical.weekday), weekend: shift(typical.weekend) };
}
