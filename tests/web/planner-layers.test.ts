import { describe, expect, test } from 'vitest';
import { buildPlannerLayers, positionAt, routeTracks, stopMarkers, teamColour, TEAM_COLOURS } from '../../web/layers/route-layers.js';
import { darkTheme } from '../../web/layers/theme.js';
import { sampleOptions, samplePlan } from './planner-fixture.js';

describe('route layers', () => {
  test('tracks carry the road path with times relative to the shift start, one colour per team', () => {
    const tracks = routeTracks(samplePlan(), 64800);
    expect(tracks.map((t) => t.teamId)).toEqual([1, 2]);
    expect(tracks[0].timestamps).toEqual([0, 300, 600, 1800, 2400]);
    expect(tracks[0].path).toHaveLength(5);
    expect(tracks[1].approximate).toBe(true);
    expect(tracks[0].colour).not.toEqual(tracks[1].colour);
    expect(new Set(TEAM_COLOURS.map((c) => c.join())).size).toBe(TEAM_COLOURS.length);
    expect(teamColour(1 + TEAM_COLOURS.length)).toEqual(teamColour(1));
  });

  test('the playback position moves along the path and waits at a stop', () => {
    const [track] = routeTracks(samplePlan(), 64800);
    expect(positionAt(track, -10)).toEqual(track.path[0]);
    const halfway = positionAt(track, 150)!;
    expect(halfway[0]).toBeCloseTo((121.47 + 121.475) / 2, 9);
    expect(halfway[1]).toBeCloseTo((31.23 + 31.235) / 2, 9);
    expect(positionAt(track, 1000)).toEqual([121.48, 31.24]);
    expect(positionAt(track, 99999)).toEqual(track.path[4]);
  });

  test('stop markers are numbered per team with their ETAs', () => {
    const markers = stopMarkers(samplePlan());
    expect(markers.map((m) => [m.teamId, m.sequence, m.eta])).toEqual([
      [1, 1, '18:10'],
      [2, 1, '18:10'],
    ]);
  });

  test('without a plan only the candidates are drawn; with one, paths, trips, stops, numbers, ETAs and base', () => {
    const options = sampleOptions();
    const selected = new Set([5, 2]);
    const before = buildPlannerLayers({ theme: darkTheme, candidates: options.institutions, selected, plan: null, playbackTime: 0 });
    expect(before.map((l) => l.id)).toEqual(['route-candidates']);
    const fill = (before[0].props as unknown as Record<string, unknown>).getFillColor as (c: (typeof options.institutions)[number]) => number[];
    expect(fill(options.institutions[0])[3]).toBeGreaterThan(0);
    expect(fill(options.institutions[1])[3]).toBe(0);
    const after = buildPlannerLayers({ theme: darkTheme, candidates: options.institutions, selected, plan: samplePlan(), playbackTime: 700 });
    expect(after.map((l) => l.id)).toEqual([
      'route-candidates',
      'route-paths',
      'route-trips',
      'route-stops',
      'route-stop-numbers',
      'route-stop-etas',
      'route-base',
      'route-team-positions',
    ]);
    const positions = after.find((l) => l.id === 'route-team-positions')!.props.data as { position: [number, number] }[];
    expect(positions).toHaveLength(2);
    expect(positions[0].position).toEqual(positionAt(routeTracks(samplePlan(), 64800)[0], 700));
    const trips = after.find((l) => l.id === 'route-trips')!;
    expect((trips.props as unknown as Record<string, unknown>).currentTime).toBe(700);
    expect((trips.props.data as unknown[]).length).toBe(2);
  });

  test('handed-over grid cells are drawn beneath the candidates in gold: chosen ones filled, others a ring, not pickable', () => {
    const options = sampleOptions();
    const cellTargets = [
      { id: 41, code: 'G41', streetName: null, location: [121.48, 31.24] as [number, number], clues: 3, z: 4 },
      { id: 42, code: 'G42', streetName: null, location: [121.49, 31.24] as [number, number], clues: 0, z: 3 },
    ];
    const layers = buildPlannerLayers({ theme: darkTheme, candidates: options.institutions, selected: new Set(), cellTargets, selectedCells: new Set([42]), plan: null, playbackTime: 0 });
    expect(layers.map((l) => l.id)).toEqual(['route-cell-targets', 'route-candidates']);
    const props = layers[0].props as unknown as Record<string, unknown>;
    expect(props.pickable).toBe(false);
    expect(props.getLineColor).toEqual(darkTheme.districtSelected);
    const fill = props.getFillColor as (c: (typeof cellTargets)[number]) => number[];
    expect(fill(cellTargets[0])[3]).toBe(0);
    expect(fill(cellTargets[1]).slice(0, 3)).toEqual(darkTheme.districtSelected.slice(0, 3));
    expect(buildPlannerLayers({ theme: darkTheme, candidates: [], selected: new Set(), cellTargets: [], plan: null, playbackTime: 0 }).map((l) => l.id)).toEqual(['route-candidates']);
  });
});
