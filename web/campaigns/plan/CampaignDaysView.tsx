import type { CampaignCalendar as CalendarAnswer, CampaignDayBody } from '../../../server/contract/index.js';
import type { CampaignPlanShift } from '../../../server/contract/campaign-plans.js';
import type { Resource } from '../../api/use-resource.js';
import { CampaignCalendar } from '../../calendar/CampaignCalendar.js';
import { dayAriaLabel } from '../../calendar/day-labels.js';
import { useI18n } from '../../i18n/index.js';
import { shiftText } from '../../state/campaign-plan.js';
import { StateLine } from './StateLine.js';

export interface CampaignDaysViewProps {
  days: Resource<CalendarAnswer>;
  /** The shifts of each day as the plan has them; empty before a plan. */
  shifts: ReadonlyMap<string, readonly CampaignPlanShift[]>;
  planned: boolean;
  selectedDate: string | null;
  onSelectDay: (day: CampaignDayBody) => void;
}

/** 日历: the campaign's days by type, and the shifts of the chosen day. */
export function CampaignDaysView({ days, shifts, planned, selectedDate, onSelectDay }: CampaignDaysViewProps) {
  const { t } = useI18n();
  const answer = days.data;
  if (!answer) return <StateLine resource={days} />;
  const day = answer.days.find((d) => d.date === selectedDate) ?? null;
  const dayShifts = day ? (shifts.get(day.date) ?? []) : [];
  return (
    <div className="plan-days" data-testid="campaign-days">
      <CampaignCalendar
        days={answer.days}
        missingVacations={answer.sources.missingVacations}
        selected={day ? new Set([day.date]) : undefined}
        onSelectDay={onSelectDay}
        label={t('plan.calendar.label')}
      />
      <section className="plan-days__detail" aria-live="polite" data-testid="campaign-day-detail">
        {!day && <p className="state-line">{t('plan.calendar.pick')}</p>}
        {day && (
          <>
            <h3 className="plan-days__title">{dayAriaLabel(t, day)}</h3>
            {dayShifts.length > 0 ? (
              <ul className="plan-days__shifts" aria-label={t('plan.calendar.shifts')}>
                {dayShifts.map((s) => (
                  <li key={s.id} data-testid="campaign-day-shift">
                    {t('plan.shift', { n: s.id.split('#')[1] ?? '1', time: shiftText(s) })}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="state-line">{t(planned ? 'plan.calendar.noShift' : 'plan.calendar.notPlanned')}</p>
            )}
          </>
        )}
      </section>
    </div>
  );
}
