import { PathLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { CampaignPlanTarget, CampaignPlanTeam } from '../../server/contract/campaign-plans.js';
import type { TargetSource } from '../state/campaign-plan.js';
import { stopNumberLayer, teamMarkerLayer, type TeamMarker } from './route-layers.js';
import type { Rgba, Theme } from './theme.js';

// The map of a campaign plan: every target as a ring in its source's colour, and the routes of the teams of the day
// and shift shown, each in a team colour, with numbered stops and the base; during the playback, the teams as white
// dots ringed in their colour. The selected team is drawn over the
// others, wider; the others fade.

/**
 * Sources as rings of Okabe–Ito hues that differ in lightness too. The teams' routes are lines and numbered dots, so
 * a ring never reads as a team.
 */
export const SOURCE_COLOURS: Record<TargetSource, Rgba> = {
  priority: [213, 94, 0, 255],
  hot_cell: [240, 228, 66, 255],
  random_draw: [204, 121, 167, 255],
};

export const PLAN_TARGETS_LAYER_ID = 'plan-targets';
export const PLAN_ROUTES_LAYER_ID = 'plan-routes';
export const PLAN_STOPS_LAYER_ID = 'plan-stops';
export const PLAN_TEAM_MARKERS_LAYER_ID = 'plan-team-markers';

export interface PlanRoute {
  team: CampaignPlanTeam;
  colour: Rgba;
  path: [number, number][];
  /** No road path: straight legs between the stops, drawn thinner. */
  straight: boolean;
}

export interface PlanStop {
  team: CampaignPlanTeam;
  colour: Rgba;
  position: [number, number];
  sequence: number;
  eta: string;
}

/**
 * Team colours that none of the sources takes (nor the gold of the selected district): bluish green, cyan, purple,
 * olive, salmon, brown, then orange, which is nearest to the priority rings.
 */
export const PLAN_TEAM_COLOURS: readonly Rgba[] = [
  [0, 158, 115, 255],
  [23, 190, 207, 255],
  [148, 103, 189, 255],
  [188, 189, 34, 255],
  [255, 152, 150, 255],
  [140, 86, 75, 255],
  [230, 159, 0, 255],
];

/** A colour for each team of the list, in its order (the table and the legend use the same). */
export function teamColours(teams: readonly CampaignPlanTeam[]): Map<string, Rgba> {
  return new Map(teams.map((t, i) => [t.id, PLAN_TEAM_COLOURS[i % PLAN_TEAM_COLOURS.length]]));
}

/** Each team's path: the road line when the plan has one, else base → stops → base in straight legs. */
export function planRoutes(teams: readonly CampaignPlanTeam[], targets: ReadonlyMap<string, CampaignPlanTarget>): PlanRoute[] {
  const colours = teamColours(teams);
  return teams.flatMap((team) => {
    const stops = team.stops.flatMap((s) => (targets.has(s.targetKey) ? [targets.get(s.targetKey)!.location] : []));
    if (stops.length === 0) return [];
    const straight = team.line.length < 2;
    const path = straight ? [team.base.location, ...stops, team.base.location] : team.line;
    return [{ team, colour: colours.get(team.id)!, path, straight }];
  });
}

export function planStops(teams: readonly CampaignPlanTeam[], targets: ReadonlyMap<string, CampaignPlanTarget>): PlanStop[] {
  const colours = teamColours(teams);
  return teams.flatMap((team) =>
    team.stops.flatMap((s, i) => {
      const target = targets.get(s.targetKey);
      return target ? [{ team, colour: colours.get(team.id)!, position: target.location, sequence: i + 1, eta: s.eta }] : [];
    }),
  );
}

const faded = (c: Rgba, on: boolean): Rgba => (on ? c : [c[0], c[1], c[2], 70]);

export interface PlanLayerInput {
  theme: Theme;
  targets: readonly CampaignPlanTarget[];
  /** The teams of the day and shift shown. */
  teams: readonly CampaignPlanTeam[];
  selectedTeam: string | null;
  /** The teams where the playback has them; none when it is not under way. */
  markers?: readonly TeamMarker[];
}

/** Every deck.gl layer of the plan map, bottom to top. */
export function buildPlanLayers({ theme, targets, teams, selectedTeam, markers = [] }: PlanLayerInput): Layer[] {
  const byKey = new Map(targets.map((t) => [t.key, t]));
  const on = (team: CampaignPlanTeam) => selectedTeam === null || team.id === selectedTeam;
  // The selected team last, so that it is drawn over the others.
  const ordered = selectedTeam === null ? teams : [...teams.filter((t) => t.id !== selectedTeam), ...teams.filter((t) => t.id === selectedTeam)];
  const rank = new Map(ordered.map((t, i) => [t.id, i]));
  const drawOrder = <T extends { team: CampaignPlanTeam }>(list: T[]) => list.sort((a, b) => rank.get(a.team.id)! - rank.get(b.team.id)!);
  const routesOrdered = drawOrder(planRoutes(teams, byKey));
  const stops = drawOrder(planStops(teams, byKey));
  const trigger = selectedTeam ?? '';
  return [
    new ScatterplotLayer<CampaignPlanTarget>({
      id: PLAN_TARGETS_LAYER_ID,
      data: targets,
      getPosition: (t) => t.location,
      getFillColor: [0, 0, 0, 0],
      getLineColor: (t) => SOURCE_COLOURS[t.source],
      stroked: true,
      filled: true,
      lineWidthUnits: 'pixels',
      getLineWidth: 2.5,
      radiusUnits: 'pixels',
      getRadius: (t) => (t.kind === 'gridCell' ? 9 : 7),
      pickable: true,
    }),
    new PathLayer<PlanRoute>({
      id: PLAN_ROUTES_LAYER_ID,
      data: routesOrdered,
      getPath: (r) => r.path,
      getColor: (r) => faded(r.colour, on(r.team)),
      getWidth: (r) => (r.team.id === selectedTeam ? 7 : r.straight ? 3 : 4),
      widthUnits: 'pixels',
      capRounded: true,
      jointRounded: true,
      pickable: true,
      updateTriggers: { getColor: trigger, getWidth: trigger },
    }),
    new ScatterplotLayer<PlanStop>({
      id: PLAN_STOPS_LAYER_ID,
      data: stops,
      getPosition: (s) => s.position,
      getFillColor: (s) => faded(s.colour, on(s.team)),
      getLineColor: theme.background,
      stroked: true,
      lineWidthUnits: 'pixels',
      getLineWidth: 2,
      radiusUnits: 'pixels',
      getRadius: 10,
      pickable: true,
      updateTriggers: { getFillColor: trigger },
    }),
    stopNumberLayer('plan-stop-numbers', stops.filter((s) => on(s.team)), theme),
    new ScatterplotLayer<CampaignPlanTeam>({
      id: 'plan-bases',
      data: teams.filter((t) => t.stops.length > 0),
      getPosition: (t) => t.base.location,
      getFillColor: theme.label,
      getLineColor: theme.districtSelected,
      stroked: true,
      lineWidthUnits: 'pixels',
      getLineWidth: 3,
      radiusUnits: 'pixels',
      getRadius: 7,
    }),
    ...(markers.length ? [teamMarkerLayer(PLAN_TEAM_MARKERS_LAYER_ID, markers)] : []),
  ];
}

/** The extent of what the map shows, with a margin; null when there is nothing. */
export function planBounds(targets: readonly CampaignPlanTarget[], teams: readonly CampaignPlanTeam[]): [number, number, number, number] | null {
  const points = [...targets.map((t) => t.location), ...teams.flatMap((t) => [t.base.location, ...t.line])];
  if (points.length === 0) return null;
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const [w, s, e, n] = [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
  const dx = Math.max(0.004, (e - w) * 0.1);
  const dy = Math.max(0.004, (n - s) * 0.1);
  return [w - dx, s - dy, e + dx, n + dy];
}
