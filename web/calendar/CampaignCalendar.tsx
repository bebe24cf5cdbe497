import { useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { CampaignDayBody } from '../../server/contract/index.js';
import { campaignDayTypes, type VacationKind } from '../../server/domain/vocabulary.js';
import { useI18n } from '../i18n/index.js';
import { css, darkTheme, type Theme } from '../layers/theme.js';
import { dayAriaLabel, dayTypeLabel, monthTitle, weekdayName, weekdayShort } from './day-labels.js';
import { dayTypeCounts, fallbackYears, focusTarget, holidayRunStarts, monthGrids } from './month-grid.js';
import './calendar.css';

export interface CampaignCalendarProps {
  /** The days to show, in date order: GET /api/calendar/days `days`, or campaignCalendarDays() of the kernel. */
  days: readonly CampaignDayBody[];
  /** Dates drawn as chosen (e.g. a campaign's days); `aria-selected` says so. */
  selected?: ReadonlySet<string>;
  /** Called with a day on click, Enter or Space; without it the days are read-only (still focusable). */
  onSelectDay?: (day: CampaignDayBody) => void;
  /** Vacations the range may hold but the city has not configured (GET /api/calendar/days `sources.missingVacations`). */
  missingVacations?: readonly { schoolYear: number; kind: VacationKind }[];
  /** What the calendar shows, for its accessible name; default 专项行动日历. */
  label?: string;
  /** Show the legend (default true). */
  legend?: boolean;
  theme?: Theme;
}

/** A plain notice above the grid: what the days shown rest on that a planner must know. */
function Notice({ testId, text }: { testId: string; text: string }) {
  return (
    <p className="campaign-calendar__notice" role="note" data-testid={testId}>
      <span className="campaign-calendar__notice-mark" aria-hidden="true">
        !
      </span>
      {text}
    </p>
  );
}

/** Monday first, as Chinese calendars print the week. */
const WEEK_COLUMNS = [1, 2, 3, 4, 5, 6, 0];

/**
 * 专项行动日历: the days of a range as month grids, coloured by day type, with the holiday names, a legend with the
 * count of each type, and a plain notice when some days rest on the fallback calendar. Props only: the page loads the
 * days. One day is in the tab order; the arrow keys, Home/End and PageUp/PageDown move between days.
 */
export function CampaignCalendar({ days, selected, onSelectDay, missingVacations = [], label, legend = true, theme = darkTheme }: CampaignCalendarProps) {
  const { t } = useI18n();
  const months = useMemo(() => monthGrids(days), [days]);
  const counts = useMemo(() => dayTypeCounts(days), [days]);
  const fallback = useMemo(() => fallbackYears(days), [days]);
  const namedDays = useMemo(() => holidayRunStarts(days), [days]);
  const first = days[0]?.date ?? '';
  const last = days.at(-1)?.date ?? '';
  const [focused, setFocused] = useState<string | null>(null);
  const active = focused !== null && focused >= first && focused <= last ? focused : ([...(selected ?? [])].sort()[0] ?? first);
  const root = useRef<HTMLElement>(null);
  const moved = useRef(false);

  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    root.current?.querySelector<HTMLElement>(`[data-date="${active}"]`)?.focus();
  }, [active]);

  const style = Object.fromEntries(campaignDayTypes.map((type) => [`--day-${type}`, css(theme.dayType[type])])) as CSSProperties;

  if (days.length === 0)
    return (
      <section className="campaign-calendar campaign-calendar--empty" aria-label={label ?? t('calendar.title')} data-testid="campaign-calendar">
        <p className="campaign-calendar__state" role="status">
          {t('calendar.empty')}
        </p>
      </section>
    );

  const byDate = new Map(days.map((d) => [d.date, d]));
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const day = byDate.get(active);
    if (!day) return;
    if ((event.key === 'Enter' || event.key === ' ') && onSelectDay) {
      event.preventDefault();
      onSelectDay(day);
      return;
    }
    const target = focusTarget(day, event.key, first, last);
    if (target === null) return;
    event.preventDefault();
    moved.current = true;
    setFocused(target);
  };

  const missingYears = [...new Set(missingVacations.map((m) => m.schoolYear))];

  return (
    <section ref={root} className="campaign-calendar" style={style} aria-label={label ?? t('calendar.title')} data-testid="campaign-calendar">
      {fallback.length > 0 && <Notice testId="calendar-fallback-notice" text={t('calendar.fallbackNotice', { years: fallback.join('、') })} />}
      {missingYears.length > 0 && <Notice testId="calendar-missing-vacations" text={t('calendar.missingVacations', { years: missingYears.join('、') })} />}
      {legend && (
        <ul className="campaign-calendar__legend" aria-label={t('calendar.legend')} data-testid="calendar-legend">
          {campaignDayTypes.map((type) => (
            <li key={type} data-type={type}>
              <span className={`cc-swatch cc-day--${type}`} aria-hidden="true">
                {type === 'holiday' ? t('calendar.mark.holiday') : type === 'makeup_workday' ? t('calendar.mark.makeup') : ''}
              </span>
              <span>{dayTypeLabel(t, type)}</span>
              <span className="campaign-calendar__count">{t('calendar.legendCount', { count: counts[type] })}</span>
            </li>
          ))}
          {fallback.length > 0 && (
            <li data-type="fallback">
              <span className="cc-swatch cc-swatch--fallback" aria-hidden="true" />
              <span>{t('calendar.legendFallback')}</span>
            </li>
          )}
        </ul>
      )}
      <div className="campaign-calendar__months" onKeyDown={onKeyDown}>
        {months.map((month) => (
          <table key={month.key} className="cc-month" role="grid" aria-label={monthTitle(t, month.year, month.month)} data-month={month.key}>
            <caption className="cc-month__title">{monthTitle(t, month.year, month.month)}</caption>
            <thead>
              <tr>
                {WEEK_COLUMNS.map((weekday) => (
                  <th key={weekday} scope="col" abbr={weekdayName(t, weekday)} className={weekday === 0 || weekday === 6 ? 'cc-month__weekend' : undefined}>
                    {weekdayShort(t, weekday)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {month.weeks.map((week, row) => (
                <tr key={row}>
                  {week.map((day, col) => {
                    if (!day) return <td key={col} className="cc-day cc-day--blank" aria-hidden="true" />;
                    const showName = namedDays.has(day.date);
                    const isSelected = selected?.has(day.date) ?? false;
                    return (
                      <td
                        key={col}
                        role="gridcell"
                        tabIndex={day.date === active ? 0 : -1}
                        aria-label={dayAriaLabel(t, day)}
                        aria-selected={selected ? isSelected : undefined}
                        className={[
                          'cc-day',
                          `cc-day--${day.type}`,
                          day.coverage === 'fallback' ? 'cc-day--fallback' : '',
                          isSelected ? 'cc-day--selected' : '',
                          onSelectDay ? 'cc-day--selectable' : '',
                        ]
                          .filter(Boolean)
                          .join(' ')}
                        data-date={day.date}
                        data-type={day.type}
                        data-coverage={day.coverage}
                        data-testid="calendar-day"
                        onFocus={() => setFocused(day.date)}
                        onClick={() => onSelectDay?.(day)}
                      >
                        <span className="cc-day__number" aria-hidden="true">
                          {Number(day.date.slice(8))}
                        </span>
                        {(day.type === 'holiday' || day.makeupWorkday) && (
                          <span className="cc-day__mark" aria-hidden="true">
                            {day.type === 'holiday' ? t('calendar.mark.holiday') : t('calendar.mark.makeup')}
                          </span>
                        )}
                        {showName && (
                          <span className="cc-day__name" aria-hidden="true">
                            {day.holidayName}
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </section>
  );
}
