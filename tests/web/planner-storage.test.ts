import { describe, expect, test } from 'vitest';
import { patrolPlanSchema } from '../../server/contract/index.js';
import { initialPlannerState, plannerReducer, type PlannerHandoff, type PlannerState } from '../../web/state/planner.js';
import { plannerStorageKey, restorePlanner, serialisePlanner, PLANNER_STORAGE_VERSION } from '../../web/state/planner-storage.js';
import { sampleOptions, samplePlan } from './planner-fixture.js';

const today = '2026-11-21';
const city = { today, fixedDistrict: null };
const fresh = () => initialPlannerState(today, null);

const handoff: PlannerHandoff = {
  district: '310101',
  cells: [
    { id: 41, code: '310101002-004', streetName: '南京东路街道', location: [121.48, 31.24], clues: 12, z: 5.1 },
    { id: 42, code: '310101002-005', streetName: null, location: [121.49, 31.24], clues: 0, z: 4.2 },
  ],
  origin: { source: 'hotspots', count: 2, from: '2026-09-03', to: '2026-12-01' },
};

/** A planner after a hand-over, a few choices and a plan. */
function planned(): PlannerState {
  let state = plannerReducer(fresh(), { type: 'handoffReceived', handoff });
  state = plannerReducer(state, { type: 'optionsLoaded', options: sampleOptions() });
  state = plannerReducer(state, { type: 'teamsSet', teams: 3 });
  state = plannerReducer(state, { type: 'institutionToggled', id: 9 });
  state = plannerReducer(state, { type: 'gridCellToggled', id: 42 });
  return plannerReducer(state, {
    type: 'jobUpdated',
    job: { id: 'a0000000-0000-4000-8000-000000000000', kind: 'patrol-plan', status: 'done', progress: 1, iterations: 1, createdAt: '', finishedAt: null, result: samplePlan(), error: null },
  });
}

type Stored = { version: number; form: Record<string, unknown>; plan: Record<string, unknown> | null };
const withStored = (mutate: (stored: Stored) => void) => {
  const stored = JSON.parse(serialisePlanner(planned())) as Stored;
  mutate(stored);
  return JSON.stringify(stored);
};

describe('planner persistence', () => {
  test('the fixture plan is a valid plan of the API contract', () => {
    expect(patrolPlanSchema.safeParse(samplePlan()).success).toBe(true);
  });

  test('form and plan survive a round trip; the solve and the playback start afresh', () => {
    const before = { ...planned(), playback: { playing: true, time: 900 } };
    const { state, dropped } = restorePlanner(serialisePlanner(before), fresh(), city);
    expect(dropped).toBeNull();
    expect(state).toEqual({ ...before, solve: fresh().solve, playback: { playing: false, time: 0 } });
    expect(state.cellTargets.map((c) => c.id)).toEqual([41, 42]);
    expect(state.selectedGridCells).toEqual([41]);
    expect(state.origin).toEqual(handoff.origin);
    expect(state.plan?.teams.map((t) => t.teamId)).toEqual([1, 2]);
  });

  test('nothing stored is the fresh state, without a notice', () => {
    expect(restorePlanner(null, fresh(), city)).toEqual({ state: fresh(), dropped: null });
  });

  test('a text that is not JSON, of another version, or of another form shape is dropped whole, with a notice', () => {
    for (const text of ['{not json', '"text"', 'null', '[]', withStored((s) => (s.version = PLANNER_STORAGE_VERSION + 1)), withStored((s) => (s.form.teams = 'three')), withStored((s) => (s.form.shift = 'night')), withStored((s) => (s.form.teams = 99)), withStored((s) => delete s.form.cellTargets)]) {
      const restored = restorePlanner(text, fresh(), city);
      expect(restored, text.slice(0, 60)).toEqual({ state: fresh(), dropped: 'all' });
    }
  });

  test('a plan that no longer parses is dropped with a notice; the form is kept', () => {
    const broken = [
      withStored((s) => delete s.plan!.teams),
      withStored((s) => ((s.plan!.teams as { stops: unknown }[])[0].stops = 'none')),
      withStored((s) => ((s.plan!.solution as { routes: { timestamps: unknown }[] }).routes[0].timestamps = null)),
      withStored((s) => ((s.plan!.base as { location: unknown }).location = [121.4])),
      withStored((s) => (s.plan = { teams: [] })),
      withStored((s) => ((s as { plan: unknown }).plan = 'plan')),
    ];
    for (const text of broken) {
      const { state, dropped } = restorePlanner(text, fresh(), city);
      expect(dropped).toBe('plan');
      expect(state.plan).toBeNull();
      expect(state.teams).toBe(3);
      expect(state.district).toBe('310101');
    }
  });

  test('a plan of another district than the form’s is dropped', () => {
    const text = withStored((s) => ((s.plan!.district as { code: string }).code = '310107'));
    expect(restorePlanner(text, fresh(), city).dropped).toBe('plan');
  });

  test('a patrol date already past starts from the next one; a selection outside the handed cells is not kept', () => {
    const text = withStored((s) => {
      s.form.date = '2026-11-02';
      s.form.selectedGridCells = [41, 77];
    });
    const { state } = restorePlanner(text, fresh(), city);
    expect(state.date).toBe(fresh().date);
    expect(state.selectedGridCells).toEqual([41]);
  });

  test('a district-scoped account gets nothing of another district', () => {
    const scoped = initialPlannerState(today, '310107');
    expect(restorePlanner(serialisePlanner(planned()), scoped, { today, fixedDistrict: '310107' })).toEqual({ state: scoped, dropped: null });
  });

  test('the form alone can be stored, and the key is one per account', () => {
    const { state, dropped } = restorePlanner(serialisePlanner(planned(), { withPlan: false }), fresh(), city);
    expect(dropped).toBeNull();
    expect(state.plan).toBeNull();
    expect(state.selectedInstitutions).toEqual(planned().selectedInstitutions);
    expect(plannerStorageKey(1)).not.toBe(plannerStorageKey(2));
  });
});
