import { describe, expect, test } from 'vitest';
import type { RoutingJob } from '../../server/contract/index.js';
import { canPlan, initialPlannerState, nextPatrolDate, planRequest, playbackEnd, plannerReducer, type PlannerState } from '../../web/state/planner.js';
import { sampleOptions, samplePlan } from './planner-fixture.js';

const job = (over: Partial<RoutingJob>): RoutingJob => ({
  id: 'a0000000-0000-4000-8000-000000000000',
  kind: 'patrol-plan',
  status: 'running',
  progress: 0.4,
  iterations: 100,
  createdAt: '2026-11-21T10:00:00.000Z',
  finishedAt: null,
  result: null,
  error: null,
  ...over,
});

const loaded = (): PlannerState => plannerReducer(initialPlannerState('2026-11-21', '310101'), { type: 'optionsLoaded', options: sampleOptions() });

describe('planner state', () => {
  test('the first patrol date fits the shift: a Saturday moves to Monday for weekday evenings', () => {
    expect(nextPatrolDate('2026-11-21', 'weekday_evening')).toBe('2026-11-23');
    expect(nextPatrolDate('2026-11-23', 'weekend_day')).toBe('2026-11-28');
    expect(initialPlannerState('2026-11-21', null).date).toBe('2026-11-23');
    const weekend = plannerReducer(initialPlannerState('2026-11-21', null), { type: 'shiftSet', shift: 'weekend_day', today: '2026-11-21' });
    expect(weekend.date).toBe('2026-11-21');
  });

  test('loaded options preselect the top N and the first office; top N and clicks change the selection', () => {
    const state = loaded();
    expect(state.selectedInstitutions).toEqual([5, 9, 2, 7]);
    expect(state.base).toBe('education');
    const top2 = plannerReducer(state, { type: 'topNSet', topN: 2, options: sampleOptions() });
    expect(top2.selectedInstitutions).toEqual([5, 9]);
    const toggled = plannerReducer(plannerReducer(top2, { type: 'institutionToggled', id: 9 }), { type: 'institutionToggled', id: 7 });
    expect(toggled.selectedInstitutions).toEqual([5, 7]);
    expect(planRequest(toggled, sampleOptions())).toMatchObject({
      district: '310101',
      date: '2026-11-23',
      shift: { kind: 'weekday_evening' },
      base: { office: 'education' },
      targets: { institutionIds: [5, 7] },
    });
  });

  test('team count is kept within 1..10; nothing selected cannot be planned', () => {
    expect(plannerReducer(loaded(), { type: 'teamsSet', teams: 40 }).teams).toBe(10);
    expect(plannerReducer(loaded(), { type: 'teamsSet', teams: 0 }).teams).toBe(1);
    expect(canPlan(plannerReducer(loaded(), { type: 'topNSet', topN: 0, options: sampleOptions() }))).toBe(false);
    expect(canPlan(loaded())).toBe(true);
  });

  test('a solve goes from progress to the plan, or to the error', () => {
    const solving = plannerReducer(loaded(), { type: 'solveStarted' });
    expect(canPlan(solving)).toBe(false);
    const half = plannerReducer(solving, { type: 'jobUpdated', job: job({}) });
    expect(half.solve).toMatchObject({ status: 'solving', progress: 0.4 });
    const done = plannerReducer(half, { type: 'jobUpdated', job: job({ status: 'done', progress: 1, result: samplePlan() }) });
    expect(done.plan?.teams).toHaveLength(2);
    expect(done.solve.status).toBe('idle');
    const failed = plannerReducer(half, { type: 'jobUpdated', job: job({ status: 'failed', error: { code: 'unprocessable', message: 'no team' } }) });
    expect(failed.solve).toMatchObject({ status: 'failed', error: 'no team' });
    expect(failed.plan).toBeNull();
  });

  test('playback runs from the shift start until the last team is back, then stops; playing again restarts', () => {
    const withPlan = plannerReducer(loaded(), { type: 'jobUpdated', job: job({ status: 'done', progress: 1, result: samplePlan() }) });
    expect(playbackEnd(samplePlan())).toBe(2400);
    let state = plannerReducer(withPlan, { type: 'playToggled' });
    state = plannerReducer(state, { type: 'ticked', seconds: 1000 });
    expect(state.playback).toEqual({ playing: true, time: 1000 });
    state = plannerReducer(state, { type: 'ticked', seconds: 5000 });
    expect(state.playback).toEqual({ playing: false, time: 2400 });
    expect(plannerReducer(state, { type: 'playToggled' }).playback).toEqual({ playing: true, time: 0 });
    expect(plannerReducer(state, { type: 'playbackSet', time: -5 }).playback.time).toBe(0);
  });

  test('choosing another district clears the plan and the selection', () => {
    const withPlan = plannerReducer(loaded(), { type: 'jobUpdated', job: job({ status: 'done', progress: 1, result: samplePlan() }) });
    const other = plannerReducer(withPlan, { type: 'districtChosen', district: '310107' });
    expect(other.plan).toBeNull();
    expect(other.selectedInstitutions).toEqual([]);
    // Options of the previous district arriving late do not select anything in the new one.
    expect(plannerReducer(other, { type: 'optionsLoaded', options: sampleOptions() }).selectedInstitutions).toEqual([]);
  });
});

describe('targets handed over from the hot spot analysis', () => {
  const handoff = {
    district: '310107',
    cells: [
      { id: 41, code: 'G41', streetName: '长风新村街道', location: [121.4, 31.22] as [number, number], clues: 12, z: 5.1 },
      { id: 42, code: 'G42', streetName: null, location: [121.41, 31.22] as [number, number], clues: 0, z: 4.2 },
    ],
    origin: { source: 'hotspots' as const, count: 2, from: '2026-09-03', to: '2026-12-01' },
  };

  test('a hand-over sets the district, selects its cells and no institution, and clears an old plan', () => {
    const withPlan = plannerReducer(loaded(), { type: 'jobUpdated', job: job({ status: 'done', progress: 1, result: samplePlan() }) });
    const state = plannerReducer(withPlan, { type: 'handoffReceived', handoff });
    expect(state).toMatchObject({ district: '310107', topN: 0, selectedInstitutions: [], selectedGridCells: [41, 42], origin: handoff.origin, plan: null, base: null });
    // The new district's options do not add institutions unasked.
    const options = { ...sampleOptions(), district: { code: '310107', name: '普陀区', nameEn: 'Putuo' } };
    const loadedCells = plannerReducer(state, { type: 'optionsLoaded', options });
    expect(loadedCells.selectedInstitutions).toEqual([]);
    expect(canPlan(loadedCells)).toBe(true);
    expect(planRequest(loadedCells, options).targets).toEqual({ institutionIds: [], gridCellIds: [41, 42] });
    expect(plannerReducer(state, { type: 'handoffReceived', handoff: { ...handoff, cells: [] } })).toBe(state);
  });

  test('cells toggle (only handed ones); none left and no institution cannot be planned; another district drops them', () => {
    let state = plannerReducer(loaded(), { type: 'handoffReceived', handoff });
    state = plannerReducer(state, { type: 'gridCellToggled', id: 41 });
    expect(state.selectedGridCells).toEqual([42]);
    expect(plannerReducer(state, { type: 'gridCellToggled', id: 99 })).toBe(state);
    state = plannerReducer(state, { type: 'gridCellToggled', id: 42 });
    expect(canPlan(state)).toBe(false);
    state = plannerReducer(state, { type: 'gridCellToggled', id: 41 });
    expect(planRequest(state, sampleOptions()).targets.gridCellIds).toEqual([41]);
    const other = plannerReducer(state, { type: 'districtChosen', district: '310101' });
    expect(other).toMatchObject({ cellTargets: [], selectedGridCells: [], origin: null });
    // Without cells the request names no cells at all.
    expect(planRequest(loaded(), sampleOptions()).targets).toEqual({ institutionIds: [5, 9, 2, 7] });
  });
});
