import { useEffect, useMemo, useState } from 'react';
import type { Me } from '../../server/contract/index.js';
import type { FieldAssignment } from '../../server/contract/field.js';
import { systemClock } from '../../server/domain/clock.js';
import { errorMessage } from '../api/errors.js';
import { useI18n, type Language } from '../i18n/index.js';
import { clockText, instantClock, statusCounts, stopViews } from '../state/field.js';
import { queueCounts } from '../state/field-queue.js';
import { CheckInForm } from './CheckInForm.js';
import { FieldMap } from './FieldMap.js';
import { PendingList } from './PendingList.js';
import { registerServiceWorker } from './service-worker-registration.js';
import { StopCard } from './StopCard.js';
import { StopList } from './StopList.js';
import { TeamCard } from './TeamCard.js';
import { useFieldDay } from './use-field-day.js';
import { useFieldLive } from './use-field-live.js';
import { useOnline, useOutbox } from './use-outbox.js';
import { usePosition } from './use-position.js';
import './field.css';

export interface FieldPageProps {
  user: Me;
  language: Language;
  onLanguage: (language: Language) => void;
  onLogout: () => void;
}

/** The team-shift to show first: the one under way now, else the next to start, else the first of the day. */
function currentAssignment(assignments: readonly FieldAssignment[], clock: string): string | null {
  const now = assignments.find((a) => a.shift.start <= clock && clock < a.shift.end) ?? assignments.find((a) => clock < a.shift.start) ?? assignments[0];
  return now ? `${now.campaignId}|${now.teamId}` : null;
}

type Sheet = { kind: 'stop'; targetKey: string } | { kind: 'checkIn'; targetKey: string } | { kind: 'pending' } | null;

/** 执法队长 / 执法队员 on a phone (/field): the day's team-shifts, the ordered stops, the map, check-ins and co-signatures. */
export function FieldPage({ user, language, onLanguage, onLogout }: FieldPageProps) {
  const { t } = useI18n();
  const online = useOnline();
  const outbox = useOutbox(user.id);
  const dayState = useFieldDay(outbox.db, user.id, outbox.delivered);
  const liveStatus = useFieldLive(dayState.day, online, dayState.reload);
  const position = usePosition();
  const [chosen, setChosen] = useState<string | null>(null);
  const [sheet, setSheet] = useState<Sheet>(null);

  useEffect(() => registerServiceWorker(), []);

  const day = dayState.day;
  const assignments = day?.assignments ?? [];
  const shownKey = chosen ?? currentAssignment(assignments, clockText(systemClock()));
  const assignment = assignments.find((a) => `${a.campaignId}|${a.teamId}` === shownKey) ?? assignments[0] ?? null;
  const officerId = day?.officer.id ?? -1;
  const views = useMemo(() => (assignment ? stopViews(assignment, outbox.items, officerId) : []), [assignment, outbox.items, officerId]);
  const counts = queueCounts(outbox.items);
  const sheetView = sheet && sheet.kind !== 'pending' ? views.find((v) => v.stop.targetKey === sheet.targetKey) ?? null : null;
  const cosignable = views.filter((v) => v.cosignable);

  return (
    <main className="phone" data-testid="field-page" data-online={online} data-unsynced={counts.unsynced} data-live={liveStatus}>
      <header className="phone-bar">
        <div className="phone-bar__who">
          <strong>{day?.officer.name ?? user.displayName}</strong>
          <span>{assignment ? t(assignment.isLead ? 'field.role.lead' : 'field.role.member') : t('role.field')}</span>
        </div>
        <button type="button" className="phone-button phone-button--quiet" onClick={() => onLanguage(language === 'zh-CN' ? 'en' : 'zh-CN')} lang={language === 'zh-CN' ? 'en' : 'zh-CN'} data-testid="language-switch">
          {t('lang.switch')}
        </button>
        <button type="button" className="phone-button phone-button--quiet" onClick={onLogout} data-testid="logout">
          {t('user.logout')}
        </button>
      </header>

      {(!online || counts.unsynced > 0) && (
        <div className={`phone-banner${online ? '' : ' phone-banner--offline'}`} role="status" data-testid="sync-banner">
          {!online && <span data-testid="offline-badge">{t('field.offline')}</span>}
          {counts.unsynced > 0 && (
            <button type="button" className="phone-banner__count" onClick={() => setSheet({ kind: 'pending' })} data-testid="unsynced">
              {t('field.unsynced', { count: counts.unsynced })}
              {counts.failed > 0 && <span className="phone-banner__failed"> · {t('field.refusedCount', { count: counts.failed })}</span>}
            </button>
          )}
          {online && outbox.syncing && <span>{t('field.syncing')}</span>}
        </div>
      )}
      {outbox.unavailable && <p className="phone-notice phone-notice--alert">{t('field.noStorage')}</p>}
      {dayState.error && (
        <p className="phone-notice" role="status" data-testid="day-stale">
          {dayState.day ? t('field.dayKept', { at: dayState.savedAt ? instantClock(dayState.savedAt) : '' }) : t(errorMessage(dayState.error).key)}
          <button type="button" className="phone-button phone-button--quiet" onClick={dayState.reload}>
            {t('state.retry')}
          </button>
        </p>
      )}
      {!day && !dayState.error && (
        <p className="phone-notice" aria-busy="true">
          {t('state.loading')}
        </p>
      )}

      {day && assignments.length === 0 && (
        <section className="phone-card" data-testid="field-empty">
          <h2>{t('field.noDuty')}</h2>
          {day.upcoming.length > 0 && (
            <>
              <p>{t('field.nextDuty')}</p>
              <ul className="phone-upcoming">
                {day.upcoming.map((u) => (
                  <li key={`${u.campaignId}|${u.teamId}`}>
                    {u.date} {u.start}–{u.end} · {u.campaignName}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}

      {assignments.length > 1 && (
        <div className="phone-tabs" role="tablist" aria-label={t('field.shifts')}>
          {assignments.map((a) => {
            const key = `${a.campaignId}|${a.teamId}`;
            return (
              <button key={key} type="button" role="tab" aria-selected={a === assignment} className="phone-tab" onClick={() => setChosen(key)} data-testid="field-shift-tab">
                {a.shift.start}–{a.shift.end} {a.teamLabel}
              </button>
            );
          })}
        </div>
      )}

      {assignment && (
        <>
          <TeamCard assignment={assignment} officerId={officerId} counts={statusCounts(views)} />
          {cosignable.length > 0 && (
            <section className="phone-card phone-card--attention" data-testid="cosign-list">
              <h2>{t('field.toCosign', { count: cosignable.length })}</h2>
              <ul className="phone-plain">
                {cosignable.map((v) => (
                  <li key={v.stop.targetKey}>
                    <button type="button" className="phone-button phone-button--wide" onClick={() => setSheet({ kind: 'stop', targetKey: v.stop.targetKey })} data-testid="cosign-open">
                      {v.stop.order}. {v.stop.name} · {v.checkIn?.recordedBy.name}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <FieldMap assignment={assignment} views={views} position={position} online={online} />
          <StopList views={views} onOpen={(targetKey) => setSheet({ kind: 'stop', targetKey })} />
        </>
      )}

      {sheet?.kind === 'stop' && sheetView && assignment && (
        <StopCard
          view={sheetView}
          assignment={assignment}
          position={position}
          userId={user.id}
          enqueue={outbox.enqueue}
          onCheckIn={() => setSheet({ kind: 'checkIn', targetKey: sheetView.stop.targetKey })}
          onClose={() => setSheet(null)}
        />
      )}
      {sheet?.kind === 'checkIn' && sheetView && assignment && (
        <CheckInForm
          view={sheetView}
          assignment={assignment}
          position={position}
          userId={user.id}
          enqueue={outbox.enqueue}
          onDone={() => setSheet({ kind: 'stop', targetKey: sheetView.stop.targetKey })}
          onClose={() => setSheet({ kind: 'stop', targetKey: sheetView.stop.targetKey })}
        />
      )}
      {sheet?.kind === 'pending' && <PendingList items={outbox.items} onRetry={outbox.retry} onDrop={outbox.drop} onClose={() => setSheet(null)} />}
    </main>
  );
}
