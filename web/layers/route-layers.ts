import { PathLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import { TripsLayer } from '@deck.gl/geo-layers';
import type { Layer } from '@deck.gl/core';
import type { PatrolOptions, PatrolPlan } from '../../server/contract/index.js';
import type { PlannerCellTarget } from '../state/planner.js';
import { clockSeconds, positionOnPath } from '../state/playback.js';
import type { Rgba, Theme } from './theme.js';

/**
 * One colour per team (Okabe–Ito first, then Tableau), bright on the dark basemap. Sky blue is left out: it is the
 * district border colour.
 */
export const TEAM_COLOURS: readonly Rgba[] = [
  [230, 159, 0, 255],
  [0, 158, 115, 255],
  [204, 121, 167, 255],
  [240, 228, 66, 255],
  [213, 94, 0, 255],
  [148, 103, 189, 255],
  [23, 190, 207, 255],
  [188, 189, 34, 255],
  [255, 152, 150, 255],
  [140, 86, 75, 255],
];

export const teamColour = (teamId: number): Rgba => TEAM_COLOURS[(teamId - 1 + TEAM_COLOURS.length) % TEAM_COLOURS.length];

export interface RouteTrack {
  teamId: number;
  colour: Rgba;
  path: [number, number][];
  /** Seconds after the playback start (the shift start), one per path vertex. */
  timestamps: number[];
  approximate: boolean;
}

export interface StopMarker {
  teamId: number;
  colour: Rgba;
  position: [number, number];
  sequence: number;
  eta: string;
  name: string;
}

/** The routes of a plan as paths with times relative to `startSeconds` (float32 on the GPU keeps small numbers exact). */
export function routeTracks(plan: PatrolPlan, startSeconds: number): RouteTrack[] {
  return plan.solution.routes.flatMap((route) => {
    const geometry = route.geometry;
    if (!geometry || typeof geometry === 'string' || geometry.coordinates.length < 2) return [];
    return [
      {
        teamId: route.vehicle,
        colour: teamColour(route.vehicle),
        path: geometry.coordinates,
        timestamps: route.timestamps.map((t) => t - startSeconds),
        approximate: route.approximate,
      },
    ];
  });
}

export function stopMarkers(plan: PatrolPlan): StopMarker[] {
  return plan.teams.flatMap((team) =>
    team.stops.map((stop) => ({
      teamId: team.teamId,
      colour: teamColour(team.teamId),
      position: stop.location,
      sequence: stop.sequence,
      eta: stop.eta,
      name: stop.name,
    })),
  );
}

/** Routes along the roads; approximate (straight-line) routes are drawn thinner and translucent. */
export function routePathLayer(tracks: readonly RouteTrack[]): PathLayer<RouteTrack> {
  return new PathLayer<RouteTrack>({
    id: 'route-paths',
    data: tracks,
    getPath: (t) => t.path,
    getColor: (t) => (t.approximate ? [t.colour[0], t.colour[1], t.colour[2], 150] : t.colour),
    getWidth: (t) => (t.approximate ? 4 : 5),
    widthUnits: 'pixels',
    capRounded: true,
    jointRounded: true,
    pickable: true,
  });
}

/** The playback: each team's trail up to `currentTime` (seconds after the shift start). */
export function routeTripsLayer(tracks: readonly RouteTrack[], currentTime: number, trailSeconds = 600): TripsLayer<RouteTrack> {
  return new TripsLayer<RouteTrack>({
    id: 'route-trips',
    data: tracks.filter((t) => t.timestamps.length === t.path.length),
    getPath: (t) => t.path,
    getTimestamps: (t) => t.timestamps,
    getColor: [255, 255, 255, 255],
    widthMinPixels: 7,
    capRounded: true,
    jointRounded: true,
    fadeTrail: true,
    trailLength: trailSeconds,
    currentTime,
  });
}

/** Where each team is at `time`: interpolated along its path (for the moving marker of the playback). */
export const positionAt = (track: RouteTrack, time: number): [number, number] | null => positionOnPath(track, time);

/** The teams' positions at `time` (seconds after the shift start): white dots ringed in the team colour. */
export function teamPositionLayer(tracks: readonly RouteTrack[], time: number): ScatterplotLayer<TeamMarker> {
  return teamMarkerLayer(
    'route-team-positions',
    tracks.flatMap((t) => {
      const position = positionAt(t, time);
      return position ? [{ colour: t.colour, position }] : [];
    }),
  );
}

export interface TeamMarker {
  colour: Rgba;
  position: [number, number];
}

/** Moving team markers of a playback, white so that they stand out of the routes in the team colours. */
export function teamMarkerLayer<T extends TeamMarker>(id: string, markers: readonly T[]): ScatterplotLayer<T> {
  return new ScatterplotLayer<T>({
    id,
    data: markers,
    getPosition: (p) => p.position,
    getFillColor: [255, 255, 255, 255],
    getLineColor: (p) => p.colour,
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: 3,
    radiusUnits: 'pixels',
    getRadius: 8,
  });
}

export function stopLayers(markers: readonly StopMarker[], theme: Theme): Layer[] {
  const dots = new ScatterplotLayer<StopMarker>({
    id: 'route-stops',
    data: markers,
    getPosition: (m) => m.position,
    getFillColor: (m) => m.colour,
    getLineColor: theme.background,
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: 2,
    radiusUnits: 'pixels',
    getRadius: 11,
    pickable: true,
  });
  const numbers = stopNumberLayer('route-stop-numbers', markers, theme);
  const etas = new TextLayer<StopMarker>({
    id: 'route-stop-etas',
    data: markers,
    getPosition: (m) => m.position,
    getText: (m) => m.eta,
    characterSet: '0123456789:',
    fontFamily: theme.fontFamily,
    fontWeight: 700,
    getSize: 14,
    getColor: theme.label,
    getPixelOffset: [0, -20],
    getTextAnchor: 'middle',
    getAlignmentBaseline: 'bottom',
    outlineWidth: 2,
    outlineColor: theme.labelHalo,
    fontSettings: { sdf: true },
    parameters: { depthCompare: 'always' },
  });
  return [dots, numbers, etas];
}

export function baseLayer(base: { name: string; location: [number, number] } | null, theme: Theme): ScatterplotLayer<{ location: [number, number] }> {
  return new ScatterplotLayer<{ location: [number, number] }>({
    id: 'route-base',
    data: base ? [base] : [],
    getPosition: (b) => b.location,
    getFillColor: theme.label,
    getLineColor: theme.districtSelected,
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: 4,
    radiusUnits: 'pixels',
    getRadius: 9,
  });
}

export type Candidate = PatrolOptions['institutions'][number];

export const ROUTE_CANDIDATES_LAYER_ID = 'route-candidates';

/** The district's top institutions to choose from: selected ones filled, others hollow, in white so that no team colour is taken; clicking toggles. */
export function candidateLayer(candidates: readonly Candidate[], selected: ReadonlySet<number>, theme: Theme): ScatterplotLayer<Candidate> {
  return new ScatterplotLayer<Candidate>({
    id: ROUTE_CANDIDATES_LAYER_ID,
    data: candidates,
    getPosition: (c) => c.location,
    getFillColor: (c) => (selected.has(c.id) ? theme.label : [0, 0, 0, 0]),
    getLineColor: theme.label,
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: 2,
    radiusUnits: 'pixels',
    getRadius: 6,
    pickable: true,
    autoHighlight: true,
    highlightColor: [255, 255, 255, 140],
    updateTriggers: { getFillColor: [...selected].join(',') },
  });
}

export const ROUTE_CELL_TARGETS_LAYER_ID = 'route-cell-targets';

/**
 * Grid cells handed over as area-patrol targets, in gold (the colour of a selection, which no team takes): chosen
 * ones filled, the others a ring. Not pickable: the form's list toggles them.
 */
export function cellTargetLayer(cells: readonly PlannerCellTarget[], selected: ReadonlySet<number>, theme: Theme): ScatterplotLayer<PlannerCellTarget> {
  const [r, g, b] = theme.districtSelected;
  return new ScatterplotLayer<PlannerCellTarget>({
    id: ROUTE_CELL_TARGETS_LAYER_ID,
    data: cells,
    getPosition: (c) => c.location,
    getFillColor: (c) => (selected.has(c.id) ? [r, g, b, 150] : [0, 0, 0, 0]),
    getLineColor: theme.districtSelected,
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: 2,
    radiusUnits: 'pixels',
    getRadius: 9,
    updateTriggers: { getFillColor: [...selected].join(',') },
  });
}

export interface PlannerLayerInput {
  theme: Theme;
  candidates: readonly Candidate[];
  selected: ReadonlySet<number>;
  /** Handed-over grid cells and the chosen ones; none when absent. */
  cellTargets?: readonly PlannerCellTarget[];
  selectedCells?: ReadonlySet<number>;
  plan: PatrolPlan | null;
  /** Seconds after the shift start. */
  playbackTime: number;
}

/** Every deck.gl layer of the planner map, bottom to top. */
export function buildPlannerLayers(input: PlannerLayerInput): Layer[] {
  const layers: Layer[] = [candidateLayer(input.candidates, input.selected, input.theme)];
  if (input.cellTargets?.length) layers.unshift(cellTargetLayer(input.cellTargets, input.selectedCells ?? new Set(), input.theme));
  if (!input.plan) return layers;
  const tracks = routeTracks(input.plan, playbackStartOf(input.plan));
  layers.push(routePathLayer(tracks), routeTripsLayer(tracks, input.playbackTime));
  layers.push(...stopLayers(stopMarkers(input.plan), input.theme), baseLayer(input.plan.base, input.theme));
  if (input.playbackTime > 0) layers.push(teamPositionLayer(tracks, input.playbackTime));
  return layers;
}

const playbackStartOf = (plan: PatrolPlan): number => clockSeconds(plan.shift.start);

/** The visiting order written on the stop discs, drawn over everything: one look for the planner's and a plan's map. */
export function stopNumberLayer<D extends { position: [number, number]; sequence: number }>(id: string, data: readonly D[], theme: Theme) {
  return new TextLayer<D>({
    id,
    data,
    getPosition: (d) => d.position,
    getText: (d) => String(d.sequence),
    characterSet: '0123456789',
    fontFamily: theme.fontFamily,
    fontWeight: 700,
    getSize: 12,
    getColor: theme.background,
    getTextAnchor: 'middle',
    getAlignmentBaseline: 'center',
    parameters: { depthCompare: 'always' },
  });
}
