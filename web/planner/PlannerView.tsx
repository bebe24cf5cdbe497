import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { Me, PatrolOptions } from '../../server/contract/index.js';
import { useDistricts } from '../api/index.js';
import { followRoutingJob, startPatrolPlan, usePatrolOptions } from '../api/routing.js';
import { I18nContext, translator, type Language } from '../i18n/index.js';
import { featureBounds } from '../layers/bounds.js';
import type { ScreenPick } from '../layers/picking.js';
import { buildPlannerLayers } from '../layers/route-layers.js';
import { darkTheme } from '../layers/theme.js';
import type { DistrictFeature } from '../layers/types.js';
import { nextViewRequestSeq, type ViewRequest } from '../map/MapView.js';
import { OverlayMap } from '../map/OverlayMap.js';
import { TopBar } from '../panels/TopBar.js';
import { initialPlannerState, planRequest, playbackEnd, playbackStart, plannerReducer, type PlannerHandoff, type PlannerState } from '../state/planner.js';
import { plannerStorageKey, restorePlanner, type RestoredPlanner } from '../state/planner-storage.js';
import { readStoredPlanner, storePlanner } from './planner-session.js';
import { PlannerForm } from './PlannerForm.js';
import { Playback, usePlaybackClock } from '../map/Playback.js';
import { SummaryTable } from './SummaryTable.js';
import './planner.css';

export interface PlannerViewProps {
  user: Me;
  today: string;
  language: Language;
  onLanguage: (language: Language) => void;
  onLogout: () => void;
  onBack: () => void;
  /** Targets sent from the hot spot analysis: they replace the restored district and targets. */
  handoff?: PlannerHandoff | null;
}

/** Playback speed: one second on screen is this many seconds of patrol (a 3-hour shift plays in a minute). */
const PLAYBACK_SPEED = 180;
const EMPTY: readonly never[] = [];

/** The routes' extent with a margin, so that the side panels and the top bar do not hide the outer stops. */
function boundsOf(points: [number, number][]): [number, number, number, number] | null {
  if (points.length === 0) return null;
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const [w, s, e, n] = [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
  const dx = Math.max(0.002, (e - w) * 0.25);
  const dy = Math.max(0.002, (n - s) * 0.2);
  return [w - dx, s - dy, e + dx, n + dy];
}

/** 专项行动 · 巡查路线规划: choose district, base, targets, teams and shift; solve with progress; draw and play the routes. */
/** The state a visit starts with: what the tab kept from the last visit, then what was handed over. */
function startState(user: Me, today: string, handoff: PlannerHandoff | null): RestoredPlanner {
  const restored = restorePlanner(readStoredPlanner(plannerStorageKey(user.id)), initialPlannerState(today, user.districtCode), { today, fixedDistrict: user.districtCode });
  if (!handoff || (user.districtCode !== null && handoff.district !== user.districtCode)) return restored;
  return { ...restored, state: plannerReducer(restored.state, { type: 'handoffReceived', handoff }) };
}

/** Keeps the form and the last plan in the tab's storage whenever they change (not on every playback frame). */
function usePersistedPlanner(userId: number, state: PlannerState): void {
  const { district, date, shift, teams, base, topN, selectedInstitutions, cellTargets, selectedGridCells, origin, plan } = state;
  useEffect(() => {
    storePlanner(plannerStorageKey(userId), { district, date, shift, teams, base, topN, selectedInstitutions, cellTargets, selectedGridCells, origin, plan });
  }, [userId, district, date, shift, teams, base, topN, selectedInstitutions, cellTargets, selectedGridCells, origin, plan]);
}

export function PlannerView({ user, today, language, onLanguage, onLogout, onBack, handoff = null }: PlannerViewProps) {
  const [start] = useState(() => startState(user, today, handoff));
  const [state, dispatch] = useReducer(plannerReducer, start.state);
  const [dropped, setDropped] = useState(start.dropped);
  usePersistedPlanner(user.id, state);
  const t = useMemo(() => translator(language), [language]);
  const solveAbort = useRef<AbortController | null>(null);
  const districtsRes = useDistricts();
  const districts: readonly DistrictFeature[] = districtsRes.data?.features ?? EMPTY;
  const optionsRes = usePatrolOptions(state.district, state.date);
  const options: PatrolOptions | null = optionsRes.data && optionsRes.data.district.code === state.district ? optionsRes.data : null;

  useEffect(() => {
    if (options) dispatch({ type: 'optionsLoaded', options });
  }, [options]);

  // Frame the district when it is chosen, the routes when they arrive: derived, not set in effects, so that a
  // render never asks for a second one. The newer request wins; the plan's is made again when the districts arrive,
  // so that a plan restored on reload wins over the district's framing.
  const districtFrame = useMemo((): ViewRequest | null => {
    const district = districts.find((d) => d.properties.code === state.district);
    return district ? { kind: 'bounds', bounds: featureBounds(district), seq: nextViewRequestSeq() } : null;
  }, [state.district, districts]);
  const planFrame = useMemo((): ViewRequest | null => {
    if (!state.plan) return null;
    const points = state.plan.solution.routes.flatMap((r) => (r.geometry && typeof r.geometry !== 'string' ? r.geometry.coordinates : []));
    const bounds = boundsOf([...points, state.plan.base.location]);
    return bounds ? { kind: 'bounds', bounds, seq: nextViewRequestSeq() } : null;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- districts: made again when they arrive (above)
  }, [state.plan, districts]);
  const viewRequest = planFrame && (!districtFrame || planFrame.seq > districtFrame.seq) ? planFrame : districtFrame;

  usePlaybackClock(state.playback.playing, PLAYBACK_SPEED, (seconds) => dispatch({ type: 'ticked', seconds }));

  useEffect(() => () => solveAbort.current?.abort(), []);

  const onPlan = useCallback(async () => {
    if (!options) return;
    solveAbort.current?.abort();
    const controller = new AbortController();
    solveAbort.current = controller;
    dispatch({ type: 'solveStarted' });
    try {
      const job = await startPatrolPlan(planRequest(state, options), controller.signal);
      await followRoutingJob(job, (update) => dispatch({ type: 'jobUpdated', job: update }), controller.signal);
    } catch (error) {
      if (!controller.signal.aborted) dispatch({ type: 'solveFailed', message: error instanceof Error ? error.message : String(error) });
    }
  }, [state, options]);

  const onCancel = useCallback(() => {
    solveAbort.current?.abort();
    dispatch({ type: 'solveFailed', message: t('planner.cancel') });
  }, [t]);

  const onClick = useCallback((pick: ScreenPick) => {
    if (pick.layerId === 'route-candidates') dispatch({ type: 'institutionToggled', id: pick.object.id });
  }, []);

  const selected = useMemo(() => new Set(state.selectedInstitutions), [state.selectedInstitutions]);
  const selectedCells = useMemo(() => new Set(state.selectedGridCells), [state.selectedGridCells]);
  const layers = useMemo(
    () =>
      buildPlannerLayers({
        theme: darkTheme,
        candidates: options?.institutions ?? EMPTY,
        selected,
        cellTargets: state.cellTargets,
        selectedCells,
        plan: state.plan,
        playbackTime: state.playback.time,
      }),
    [options, selected, state.cellTargets, selectedCells, state.plan, state.playback.time],
  );
  const problemUrl = useMemo(
    () => (state.plan ? URL.createObjectURL(new Blob([JSON.stringify(state.plan.problem, null, 2)], { type: 'application/json' })) : null),
    [state.plan],
  );
  useEffect(() => () => void (problemUrl && URL.revokeObjectURL(problemUrl)), [problemUrl]);

  return (
    <I18nContext.Provider value={{ language, t }}>
      <div className="dashboard planner" data-testid="planner" data-solving={state.solve.status === 'solving' ? 'true' : 'false'}>
        <OverlayMap
          viewRequest={viewRequest}
          layers={layers}
          districts={districts}
          selectedDistrict={state.district}
          label={t('planner.title')}
          onClick={onClick}
        />
        <div className={`progress ${state.solve.status === 'solving' || optionsRes.loading ? 'progress--on' : ''}`} aria-hidden="true" />
        <TopBar user={user} onLanguage={onLanguage} onLogout={onLogout} />
        <aside className="sidebar planner-sidebar">
          <button type="button" className="button button--ghost planner-back" data-testid="planner-back" onClick={onBack}>
            ← {t('planner.back')}
          </button>
          {dropped && (
            <p className="panel planner-restore" role="status" data-testid="planner-restore-notice">
              <span>{t(dropped === 'plan' ? 'planner.restore.planDropped' : 'planner.restore.allDropped')}</span>
              <button type="button" className="button button--small" onClick={() => setDropped(null)}>
                {t('planner.restore.dismiss')}
              </button>
            </p>
          )}
          <PlannerForm
            state={state}
            options={options}
            optionsLoading={optionsRes.loading}
            optionsError={optionsRes.error?.message ?? null}
            districts={districts}
            fixedDistrict={user.districtCode}
            today={today}
            dispatch={dispatch}
            onPlan={() => void onPlan()}
            onCancel={onCancel}
          />
        </aside>
        {state.plan && (
          <aside className="planner-results">
            <Playback
              label={t('planner.playback')}
              testId="planner"
              className="panel"
              playing={state.playback.playing}
              time={state.playback.time}
              end={playbackEnd(state.plan)}
              startSeconds={playbackStart(state.plan)}
              onToggle={() => dispatch({ type: 'playToggled' })}
              onTime={(time) => dispatch({ type: 'playbackSet', time })}
            />
            <SummaryTable plan={state.plan} problemUrl={problemUrl} />
          </aside>
        )}
      </div>
    </I18nContext.Provider>
  );
}
