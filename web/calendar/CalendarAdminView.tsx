import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { HolidayScheduleInput, Me, NationalSourceBody, SchoolVacationsInput } from '../../server/contract/index.js';
import { MAX_SCHEDULE_YEAR, MIN_SCHEDULE_YEAR } from '../../server/domain/calendar.js';
import { removeHolidaySchedule, saveHolidaySchedule, saveSchoolVacations, useCampaignCalendar, useHolidaySchedule, useSchoolVacations } from '../api/calendar.js';
import { errorMessage, type ApiError } from '../api/errors.js';
import { useI18n, type Language } from '../i18n/index.js';
import { ForbiddenPanel } from '../panels/ForbiddenPanel.js';
import { PageHeader } from '../panels/PageHeader.js';
import { TopBar } from '../panels/TopBar.js';
import { CampaignCalendar } from './CampaignCalendar.js';
import { originLabel } from './day-labels.js';
import { HolidayScheduleEditor } from './HolidayScheduleEditor.js';
import { SchoolVacationsEditor } from './SchoolVacationsEditor.js';
import './calendar-admin.css';

export interface CalendarAdminViewProps {
  user: Me;
  /** Today in Shanghai: the year shown first. */
  today: string;
  language: Language;
  onLanguage: (language: Language) => void;
  onLogout: () => void;
  onBack: () => void;
}

/** `?year=2027` opens that year; anything else the current one. */
function yearInUrl(today: string): number {
  const year = Number(new URLSearchParams(window.location.search).get('year'));
  return Number.isInteger(year) && year >= MIN_SCHEDULE_YEAR && year <= MAX_SCHEDULE_YEAR ? year : Number(today.slice(0, 4));
}

function Loading({ label }: { label: string }) {
  return (
    <div className="cal-state" aria-busy="true" data-testid="calendar-loading">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

function Failed({ error, onRetry, testId }: { error: ApiError; onRetry: () => void; testId: string }) {
  const { t } = useI18n();
  return (
    <div className="cal-state cal-state--error" role="alert" data-testid={testId}>
      <span>{t('calendarAdmin.loadFailed', { reason: t(errorMessage(error).key) })}</span>
      <button type="button" className="button button--small" onClick={onRetry}>
        {t('state.retry')}
      </button>
    </div>
  );
}

/** What the year's holidays rest on, in one line. */
function NationalLine({ source }: { source: NationalSourceBody }) {
  const { t } = useI18n();
  return (
    <p className={`cal-origin cal-origin--${source.origin}`} data-testid="calendar-coverage" data-origin={source.origin}>
      <strong>{t('calendarAdmin.coverageOf', { year: source.year })}</strong> {originLabel(t, source)}
    </p>
  );
}

/**
 * 校历与节假日 (administrators): a year's campaign calendar, the year's official holiday schedule to enter or import
 * (国务院办公厅 notice) and the city's school vacations (教育局 校历). Every save goes into the audit log.
 */
export function CalendarAdminView({ user, today, language, onLanguage, onLogout, onBack }: CalendarAdminViewProps) {
  const { t } = useI18n();
  const [year, setYear] = useState(() => yearInUrl(today));
  const [revision, setRevision] = useState(0);
  const allowed = user.canEditCalendar;
  const days = useCampaignCalendar(`${year}-01-01`, `${year}-12-31`, revision);
  const schedule = useHolidaySchedule(year, revision);
  const vacations = useSchoolVacations(revision);

  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    params.set('page', 'calendar');
    params.set('year', String(year));
    if (language === 'zh-CN') params.delete('lang');
    else params.set('lang', language);
    const search = `?${params.toString()}`;
    if (search !== window.location.search) window.history.replaceState(null, '', `${window.location.pathname}${search}`);
  }, [year, language]);

  const saved = useCallback(<T,>(answer: T) => {
    setRevision((r) => r + 1);
    return answer;
  }, []);
  const onSaveHolidays = useCallback((body: HolidayScheduleInput) => saveHolidaySchedule(year, body).then(saved), [year, saved]);
  const onRemoveHolidays = useCallback(() => removeHolidaySchedule(year).then(saved), [year, saved]);
  const onSaveVacations = useCallback((body: SchoolVacationsInput) => saveSchoolVacations(body).then(saved), [saved]);

  const shell = (children: ReactNode) => (
    <div className="cal-page" data-testid="calendar-page">
      <TopBar user={user} onLanguage={onLanguage} onLogout={onLogout} />
      <main className="cal-main">{children}</main>
    </div>
  );
  if (!allowed)
    return shell(
      <ForbiddenPanel
        id="calendar"
        code={t('audit.forbidden.code')}
        title={t('calendarAdmin.forbidden.title')}
        body={t('calendarAdmin.forbidden.body', { role: t(`role.${user.role}`) })}
        back={t('calendarAdmin.back')}
        onBack={onBack}
      />,
    );

  const calendarData = days.data;
  // The previous year's days stay visible, dimmed, while the next year loads.
  const stale = days.loading && calendarData !== null;
  const shownYearMatches = calendarData?.from.startsWith(String(year)) ?? false;

  return shell(
    <>
      <PageHeader title={t('calendarAdmin.title')} subtitle={t('calendarAdmin.subtitle')} back={t('calendarAdmin.back')} onBack={onBack} backTestId="calendar-back">
        <nav className="cal-year" aria-label={t('calendarAdmin.year')}>
          <button type="button" className="button" onClick={() => setYear((y) => Math.max(MIN_SCHEDULE_YEAR, y - 1))} aria-label={t('calendarAdmin.prevYear')} data-testid="calendar-prev-year">
            ‹
          </button>
          <span className="cal-year__value" aria-live="polite" data-testid="calendar-year">
            {t('calendarAdmin.yearValue', { year })}
          </span>
          <button type="button" className="button" onClick={() => setYear((y) => Math.min(MAX_SCHEDULE_YEAR, y + 1))} aria-label={t('calendarAdmin.nextYear')} data-testid="calendar-next-year">
            ›
          </button>
        </nav>
      </PageHeader>

      <section className="panel cal-year-view" aria-labelledby="cal-year-title" aria-busy={days.loading}>
        <div className="cal-year-view__head">
          <h2 id="cal-year-title" className="panel__title">
            {t('calendarAdmin.yearCalendar', { year })}
          </h2>
          {stale && <span className="spinner" aria-label={t('calendarAdmin.loading')} />}
        </div>
        {calendarData && shownYearMatches && calendarData.sources.national.map((source) => <NationalLine key={source.year} source={source} />)}
        {days.error ? (
          <Failed error={days.error} onRetry={days.retry} testId="calendar-error" />
        ) : !calendarData ? (
          <Loading label={t('calendarAdmin.loading')} />
        ) : (
          <div className={stale ? 'cal-stale' : undefined}>
            <CampaignCalendar days={calendarData.days} missingVacations={calendarData.sources.missingVacations} label={t('calendarAdmin.yearCalendar', { year })} />
          </div>
        )}
      </section>

      <div className="cal-editors">
        {schedule.error ? (
          <section className="panel cal-editor">
            <Failed error={schedule.error} onRetry={schedule.retry} testId="holiday-error" />
          </section>
        ) : schedule.data && schedule.data.year === year ? (
          <HolidayScheduleEditor schedule={schedule.data} onSave={onSaveHolidays} onRemove={onRemoveHolidays} />
        ) : (
          <section className="panel cal-editor">
            <Loading label={t('calendarAdmin.loading')} />
          </section>
        )}
        {vacations.error ? (
          <section className="panel cal-editor">
            <Failed error={vacations.error} onRetry={vacations.retry} testId="vacation-error" />
          </section>
        ) : vacations.data ? (
          <SchoolVacationsEditor data={vacations.data} onSave={onSaveVacations} />
        ) : (
          <section className="panel cal-editor">
            <Loading label={t('calendarAdmin.loading')} />
          </section>
        )}
      </div>
    </>,
  );
}
