import { describe, expect, test } from 'vitest';
import type { CampaignPlanTeam } from '../../../server/contract/campaign-plans.js';
import { planPlayback, teamPositions, teamTrack } from '../../../web/state/campaign-plan-playback.js';
import { clockSeconds, clockText, playbackReducer, positionOnPath, stoppedPlayback } from '../../../web/state/playback.js';
import { campaignPlanFixture } from '../../fixtures/campaign-plan.js';

const plan = campaignPlanFixture();
const byKey = new Map(plan.targets.map((t) => [t.key, t]));
const afternoon = plan.teams.filter((t) => t.date === '2027-01-26' && t.shiftId === '2027-01-26#2');
const team = afternoon.find((t) => t.stops.length > 0)!;
const idle = afternoon.find((t) => t.stops.length === 0)!;
const START = clockSeconds('13:30');
const at = (clock: string) => clockSeconds(clock) - START;
const near = (a: [number, number] | null, b: [number, number]) => {
  expect(a).not.toBeNull();
  expect(a![0]).toBeCloseTo(b[0], 9);
  expect(a![1]).toBeCloseTo(b[1], 9);
};

describe('the clock', () => {
  test('HH:MM both ways; what is not a time is NaN', () => {
    expect(clockSeconds('13:30')).toBe(48600);
    expect(clockText(48600 + 59)).toBe('13:30');
    expect(clockSeconds('1330')).toBeNaN();
    expect(clockSeconds('')).toBeNaN();
  });
});

describe('the campaign plan playback', () => {
  test('from the earliest shift start until the last team is back; idle teams do not move', () => {
    const playback = planPlayback(plan.shifts, afternoon, plan.targets)!;
    expect(playback.start).toBe(START);
    expect(playback.tracks.map((t) => t.team.id)).not.toContain(idle.id);
    const lastBack = Math.max(...afternoon.filter((t) => t.returns).map((t) => clockSeconds(t.returns!)));
    expect(playback.end).toBe(lastBack - START);
    expect(planPlayback(plan.shifts, [idle], plan.targets)).toBeNull();
    // A team whose shift the plan does not have is left out rather than guessed.
    expect(planPlayback([], afternoon, plan.targets)).toBeNull();
  });

  test('along the road line: at the base at the start, at each stop from its ETA to its departure, back at the base', () => {
    const playback = planPlayback(plan.shifts, [team], plan.targets)!;
    const first = byKey.get(team.stops[0].targetKey)!.location;
    near(teamPositions(playback, 0)[0].position, team.base.location);
    near(teamPositions(playback, -60)[0].position, team.base.location);
    near(teamPositions(playback, at(team.stops[0].eta))[0].position, first);
    near(teamPositions(playback, (at(team.stops[0].eta) + at(team.stops[0].departure)) / 2)[0].position, first);
    near(teamPositions(playback, at(team.stops[0].departure))[0].position, first);
    near(teamPositions(playback, playback.end + 600)[0].position, team.base.location);
    // Halfway through the first leg (a single segment of the fixture's line) the team is halfway there.
    const half = teamPositions(playback, at(team.stops[0].eta) / 2)[0].position;
    near(half, [(team.base.location[0] + first[0]) / 2, (team.base.location[1] + first[1]) / 2]);
  });

  test('a road line with more vertices spreads a leg by distance, never running back', () => {
    const first = byKey.get(team.stops[0].targetKey)!.location;
    const base = team.base.location;
    // Three vertices between the base and the first stop, unevenly spaced.
    const bends: [number, number][] = [0.1, 0.2, 0.7].map((k) => [base[0] + k * (first[0] - base[0]), base[1] + k * (first[1] - base[1])]);
    const stops = team.stops.map((s) => byKey.get(s.targetKey)!.location);
    const track = teamTrack({ ...team, line: [base, ...bends, ...stops, base] }, byKey, START)!;
    expect(track.path).toHaveLength(track.timestamps.length);
    expect(track.timestamps.every((t, i) => i === 0 || t >= track.timestamps[i - 1])).toBe(true);
    // The vertex at 70 % of the way is reached at 70 % of the leg's time.
    const i = track.path.indexOf(bends[2]);
    expect((track.timestamps[i] - START) / (clockSeconds(team.stops[0].eta) - START)).toBeCloseTo(0.7, 4);
  });

  test('an empty road line gives straight legs with the same times', () => {
    const track = teamTrack({ ...team, line: [] }, byKey, START)!;
    expect(track.path[0]).toEqual(team.base.location);
    expect(track.path.at(-1)).toEqual(team.base.location);
    // Base, each stop twice (arrive and leave), base.
    expect(track.path).toHaveLength(team.stops.length * 2 + 2);
    expect(track.timestamps[1]).toBe(clockSeconds(team.stops[0].eta));
    expect(track.timestamps.at(-1)).toBe(clockSeconds(team.returns!));
    near(positionOnPath(track, clockSeconds(team.stops[0].departure)), byKey.get(team.stops[0].targetKey)!.location);
  });

  test('bad input: a stop of an unknown target is skipped, a bad or backward time does not send the team back', () => {
    const broken: CampaignPlanTeam = {
      ...team,
      line: [],
      stops: [{ ...team.stops[0], targetKey: 'nope' }, { ...team.stops[1], eta: 'soon' }, { ...team.stops[2], eta: '13:00', departure: '13:05' }],
    };
    const track = teamTrack(broken, byKey, START)!;
    expect(track.path).toHaveLength(1 + 1 + 2 + 1);
    expect(track.timestamps.every((t, i) => i === 0 || t >= track.timestamps[i - 1])).toBe(true);
    expect(track.timestamps.every(Number.isFinite)).toBe(true);
    expect(teamTrack({ ...team, stops: [{ ...team.stops[0], targetKey: 'nope' }] }, byKey, START)).toBeNull();
  });
});

describe('the playback state', () => {
  test('plays, stops at the end, starts again from the end, clamps the slider', () => {
    let s = playbackReducer(stoppedPlayback, { type: 'playToggled' }, 100);
    expect(s).toEqual({ playing: true, time: 0 });
    s = playbackReducer(s, { type: 'ticked', seconds: 60 }, 100);
    expect(s).toEqual({ playing: true, time: 60 });
    // Reduced motion advances by an infinite step: straight to the end state, stopped.
    s = playbackReducer(s, { type: 'ticked', seconds: Number.POSITIVE_INFINITY }, 100);
    expect(s).toEqual({ playing: false, time: 100 });
    expect(playbackReducer(s, { type: 'ticked', seconds: 5 }, 100)).toBe(s);
    expect(playbackReducer(s, { type: 'playToggled' }, 100)).toEqual({ playing: true, time: 0 });
    expect(playbackReducer(s, { type: 'playbackSet', time: -5 }, 100).time).toBe(0);
    expect(playbackReducer(s, { type: 'playbackSet', time: 500 }, 100).time).toBe(100);
    expect(playbackReducer(s, { type: 'playbackSet', time: Number.NaN }, 100).time).toBe(0);
    expect(playbackReducer(s, { type: 'playbackReset' }, 100)).toEqual(stoppedPlayback);
  });
});
