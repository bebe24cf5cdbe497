// CONFIGURATION, not a rule: the school vacations the product ships for Shanghai's 中小学 (primary and secondary
// schools), so that a new installation plans holiday campaigns with real dates from its first start. The authority is
// the 上海市教育委员会's 校历 of each 学年; an administrator corrects or extends these on the calendar screen
// (校历与节假日), and what is stored in the database is what the product uses. The demo data build stores these.

import type { SchoolVacation } from './school-vacations.js';

const SHANGHAI_2025 = '上海市教育委员会《上海市中小学2025学年校历》（沪教委基〔2025〕13号）';
const ESTIMATE_2026 =
  '预估 estimate: 上海市教委尚未发布2026学年校历；按往年校历的规律（寒假约为春节前两周至春节后两周，2027年春节为2月6日；暑假7月1日至8月31日）推算，发布后请按校历更正';

/**
 * Shanghai's 2025学年 (2025–26) as the bureau published it (寒假 2 – 27 February 2026, 暑假 1 July – 31 August 2026;
 * the first term ends on Friday 30 January, the second starts on Monday 2 March), and 2026学年 (2026–27) as an
 * estimate marked `provisional` until the bureau publishes it, usually in the summer before the school year.
 */
export const SHANGHAI_SCHOOL_VACATION_DEFAULTS: readonly SchoolVacation[] = [
  { schoolYear: 2025, kind: 'winter', startsOn: '2026-02-02', endsOn: '2026-02-27', status: 'published', source: SHANGHAI_2025 },
  { schoolYear: 2025, kind: 'summer', startsOn: '2026-07-01', endsOn: '2026-08-31', status: 'published', source: SHANGHAI_2025 },
  { schoolYear: 2026, kind: 'winter', startsOn: '2027-01-23', endsOn: '2027-02-21', status: 'provisional', source: ESTIMATE_2026 },
  { schoolYear: 2026, kind: 'summer', startsOn: '2027-07-01', endsOn: '2027-08-31', status: 'provisional', source: ESTIMATE_2026 },
];
