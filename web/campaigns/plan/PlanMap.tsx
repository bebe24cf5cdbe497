import { useCallback, useEffect, useMemo, useReducer } from 'react';
import type { CampaignPlan, CampaignPlanTeam } from '../../../server/contract/campaign-plans.js';
import { targetSources } from '../../../server/contract/campaign-plans.js';
import { dateLabel } from '../../calendar/day-labels.js';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import { districtName } from '../../i18n/names.js';
import { buildPlanLayers, planBounds, SOURCE_COLOURS } from '../../layers/campaign-plan-layers.js';
import type { ScreenPick } from '../../layers/picking.js';
import { css, darkTheme, type Rgba } from '../../layers/theme.js';
import type { DistrictFeature } from '../../layers/types.js';
import { nextViewRequestSeq, type ViewRequest } from '../../map/MapView.js';
import { OverlayMap } from '../../map/OverlayMap.js';
import { Playback, usePlaybackClock } from '../../map/Playback.js';
import { planDays, planDistricts, shiftText, type PlanView, type PlanViewAction } from '../../state/campaign-plan.js';
import { planPlayback, teamPositions } from '../../state/campaign-plan-playback.js';
import { playbackReducer, stoppedPlayback, type PlaybackAction, type PlaybackState } from '../../state/playback.js';

/** One second on screen is this many seconds of the shift (a 3½-hour shift plays in about a minute). */
const PLAYBACK_SPEED = 210;

export interface PlanMapProps {
  plan: CampaignPlan;
  view: PlanView;
  teams: readonly CampaignPlanTeam[];
  colours: ReadonlyMap<string, Rgba>;
  districts: readonly DistrictFeature[];
  onView: (action: PlanViewAction) => void;
  /** Re-plan the district-day shown; absent when the user may not. */
  onReplan?: (district: string, date: string) => void;
  replanning: boolean;
}

/** The plan on the map: targets by source, the routes of the day and shift chosen with their playback, a legend; 重新规划该区当日. */
export function PlanMap({ plan, view, teams, colours, districts, onView, onReplan, replanning }: PlanMapProps) {
  const { t, language } = useI18n();
  const days = planDays(plan);
  const day = days.find((d) => d.date === view.date) ?? null;
  const planned = planDistricts(plan);
  const targets = useMemo(() => (view.district === null ? plan.targets : plan.targets.filter((x) => x.districtCode === view.district)), [plan.targets, view.district]);
  const playback = useMemo(() => planPlayback(plan.shifts, teams, plan.targets), [plan.shifts, plan.targets, teams]);
  const end = playback?.end ?? 0;
  const [clock, dispatchClock] = useReducer((state: PlaybackState, action: PlaybackAction) => playbackReducer(state, action, end), stoppedPlayback);
  // Another day, shift or district is another playback: it starts again, stopped.
  useEffect(() => dispatchClock({ type: 'playbackReset' }), [playback]);
  usePlaybackClock(clock.playing, PLAYBACK_SPEED, (seconds) => dispatchClock({ type: 'ticked', seconds }));
  const markers = useMemo(
    () =>
      playback && clock.time > 0
        ? teamPositions(playback, clock.time).map((p) => ({ ...p, colour: colours.get(p.team.id) ?? ([255, 255, 255, 255] as Rgba) }))
        : [],
    [playback, clock.time, colours],
  );
  const layers = useMemo(() => buildPlanLayers({ theme: darkTheme, targets, teams, selectedTeam: view.teamId, markers }), [targets, teams, view.teamId, markers]);

  // Frame what is shown whenever the district changes (and when the plan arrives), not on every team selected.
  const viewRequest = useMemo<ViewRequest | null>(() => {
    const bounds = planBounds(targets, []);
    return bounds ? { kind: 'bounds', bounds, seq: nextViewRequestSeq() } : null;
  }, [targets]);

  const onClick = useCallback(
    (pick: ScreenPick) => {
      if (pick.layerId === 'plan-routes' || pick.layerId === 'plan-stops') onView({ type: 'teamSelected', team: pick.object.team });
    },
    [onView],
  );
  const replanDistrict = view.district ?? (planned.length === 1 ? planned[0] : null);

  return (
    <section className="plan-map-block" aria-labelledby="plan-map-title" data-testid="plan-map">
      <div className="plan-block__head">
        <h3 id="plan-map-title" className="panel__subtitle">
          {t('plan.map')}
        </h3>
        <div className="plan-days-picker" role="group" aria-label={t('plan.map.day')}>
          {days.map((d) => (
            <button
              key={d.date}
              type="button"
              className={`button button--small${d.date === view.date ? ' button--on' : ''}`}
              aria-pressed={d.date === view.date}
              onClick={() => onView({ type: 'daySelected', date: d.date })}
              data-testid="plan-day"
              data-date={d.date}
            >
              {d.date.slice(5)}
            </button>
          ))}
        </div>
        <label className="field field--inline">
          <span>{t('plan.map.shift')}</span>
          <select value={view.shiftId ?? ''} onChange={(e) => onView({ type: 'shiftSelected', shiftId: e.target.value || null })} data-testid="plan-shift">
            <option value="">{t('plan.map.allShifts')}</option>
            {day?.shifts.map((s) => (
              <option key={s.id} value={s.id}>
                {shiftText(s)}
              </option>
            ))}
          </select>
        </label>
        <label className="field field--inline">
          <span>{t('plan.filter.district')}</span>
          <select value={view.district ?? ''} onChange={(e) => onView({ type: 'districtSelected', district: e.target.value || null })} data-testid="plan-map-district">
            <option value="">{t('plan.filter.all')}</option>
            {planned.map((d) => (
              <option key={d} value={d}>
                {districtName(d, language)}
              </option>
            ))}
          </select>
        </label>
        {onReplan && (
          <button
            type="button"
            className="button"
            disabled={replanning || !replanDistrict || !view.date}
            title={replanDistrict ? undefined : t('plan.replan.pickDistrict')}
            onClick={() => replanDistrict && view.date && onReplan(replanDistrict, view.date)}
            data-testid="plan-replan"
          >
            {replanning && <span className="spinner" aria-hidden="true" />} {t('plan.replan')}
          </button>
        )}
      </div>
      <p className="plan-map__caption">
        {view.date ? dateLabel(t, view.date) : ''} · {t('plan.map.teamsShown', { count: teams.length })}
      </p>
      {playback && (
        <Playback
          label={t('plan.map.playback')}
          testId="plan"
          className="plan-playback"
          playing={clock.playing}
          time={clock.time}
          end={end}
          startSeconds={playback.start}
          onToggle={() => dispatchClock({ type: 'playToggled' })}
          onTime={(time) => dispatchClock({ type: 'playbackSet', time })}
        />
      )}
      <div className="plan-map">
        <OverlayMap
          viewRequest={viewRequest}
          layers={layers}
          districts={districts}
          selectedDistrict={view.district}
          label={t('plan.map.label')}
          onClick={onClick}
        />
        <ul className="plan-legend" aria-label={t('calendar.legend')} data-map-overlay data-testid="plan-legend">
          {targetSources.map((s) => (
            <li key={s}>
              <span className="plan-swatch plan-swatch--ring" style={{ borderColor: css(SOURCE_COLOURS[s]) }} aria-hidden="true" />
              {t(`plan.source.${s}` as MessageKey)}
            </li>
          ))}
          {teams
            .filter((team) => team.stops.length > 0)
            .map((team) => (
              <li key={team.id}>
                <span className="plan-swatch plan-swatch--line" style={{ background: css(colours.get(team.id) ?? [128, 128, 128, 255]) }} aria-hidden="true" />
                {view.district === null && planned.length > 1 ? `${districtName(team.districtCode, language)} ` : ''}
                {team.label} {plan.shifts.find((s) => s.id === team.shiftId)?.start ?? ''}
              </li>
            ))}
        </ul>
      </div>
    </section>
  );
}
