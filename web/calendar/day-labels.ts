// How a campaign day reads, on screen and to a screen reader, in the language shown.
import type { CalendarOrigin, CampaignDayBody } from '../../server/contract/index.js';
import { shanghaiDateTime } from '../state/audit-format.js';
import type { MessageKey, Translate } from '../i18n/index.js';

export const monthName = (t: Translate, month: number): string => t(`calendar.month.${month}` as MessageKey);

export const weekdayName = (t: Translate, weekday: number): string => t(`calendar.weekday.${weekday}` as MessageKey);

export const weekdayShort = (t: Translate, weekday: number): string => t(`calendar.weekdayShort.${weekday}` as MessageKey);

/** "2027年2月8日" or "8 February 2027". */
export function dateLabel(t: Translate, date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return t('calendar.date', { year, month: monthName(t, month), day });
}

export const monthTitle = (t: Translate, year: number, month: number): string => t('calendar.monthTitle', { year, month: monthName(t, month) });

export const dayTypeLabel = (t: Translate, type: CampaignDayBody['type']): string => t(`dayType.${type}`);

/** Everything the cell shows, said in words: the date, its type, the holiday, the vacation, a fallback. */
export function dayAriaLabel(t: Translate, day: CampaignDayBody): string {
  // A vacation day says which vacation; a holiday inside one says both.
  const details = [day.type === 'vacation_day' && day.vacation ? t(`vacation.${day.vacation}`) : dayTypeLabel(t, day.type)];
  if (day.type === 'holiday' && day.holidayName) details.push(day.holidayName);
  if (day.makeupWorkday && day.holidayName) details.push(t('calendar.aria.makeup', { name: day.holidayName }));
  if (day.vacation && day.type !== 'vacation_day') details.push(t(`vacation.${day.vacation}`));
  if (day.coverage === 'fallback') details.push(t('calendar.aria.fallback'));
  return t('calendar.aria.day', { date: dateLabel(t, day.date), weekday: weekdayName(t, day.weekday), details: details.join(t('calendar.separator')) });
}

/** Where a year's holidays come from: the shipped data, an administrator's entry (who, when), or the fallback. */
export function originLabel(t: Translate, source: { origin: CalendarOrigin; source: string | null; updatedBy: string | null; updatedAt: string | null }): string {
  if (source.origin === 'entered')
    return t('calendarAdmin.origin.entered', { source: source.source ?? '', by: source.updatedBy ?? '', at: source.updatedAt ? shanghaiDateTime(source.updatedAt) : '' });
  return source.origin === 'package' ? t('calendarAdmin.origin.package', { source: source.source ?? '' }) : t('calendarAdmin.origin.fallback');
}
