import type { Layer } from '@deck.gl/core';
import { PathLayer, ScatterplotLayer } from '@deck.gl/layers';
import { TripsLayer } from '@deck.gl/geo-layers';
import type { WallOverview } from '../../server/contract/wall.js';
import { PLAN_TEAM_COLOURS } from './campaign-plan-layers.js';
import type { Rgba } from './theme.js';

// The wall's map: today's routes, where each team was last seen, and the last hour's trails replayed. Widths are in
// CSS pixels times the wall's scale, so a line is as heavy on a 4K wall as on the 1080p design.

type Team = WallOverview['teams'][number];
type Trail = WallOverview['trails'][number];

export const teamColour = (index: number): Rgba => PLAN_TEAM_COLOURS[index % PLAN_TEAM_COLOURS.length];

export function wallLayers(p: { overview: WallOverview; scale: number; trailTime: number | null; districtCode: string | null }): Layer[] {
  const teams = p.overview.teams.filter((t) => p.districtCode === null || t.districtCode === p.districtCode);
  const colours = new Map(p.overview.teams.map((t, i) => [`${t.campaignId}|${t.teamId}`, teamColour(i)]));
  const colourOf = (campaignId: number, teamId: string): Rgba => colours.get(`${campaignId}|${teamId}`) ?? [255, 255, 255, 255];
  const layers: Layer[] = [
    new PathLayer<Team>({
      id: 'wall-routes',
      data: teams.filter((t) => t.line.length >= 2),
      getPath: (t) => t.line,
      getColor: (t) => {
        const [r, g, b] = colourOf(t.campaignId, t.teamId);
        return [r, g, b, t.underWay ? 220 : 110];
      },
      widthUnits: 'pixels',
      getWidth: (t) => (t.underWay ? 4 : 2) * p.scale,
      jointRounded: true,
      capRounded: true,
      updateTriggers: { getWidth: p.scale },
    }),
    new ScatterplotLayer<Team>({
      id: 'wall-teams',
      data: teams.filter((t) => t.lastPosition !== null),
      getPosition: (t) => t.lastPosition!.location,
      getFillColor: [255, 255, 255, 255],
      getLineColor: (t) => colourOf(t.campaignId, t.teamId),
      stroked: true,
      lineWidthUnits: 'pixels',
      getLineWidth: 4 * p.scale,
      radiusUnits: 'pixels',
      getRadius: 9 * p.scale,
      updateTriggers: { getLineWidth: p.scale, getRadius: p.scale },
    }),
  ];
  if (p.trailTime !== null && p.overview.trails.length > 0)
    layers.push(
      new TripsLayer<Trail>({
        id: 'wall-trails',
        data: p.overview.trails,
        getPath: (t) => t.path,
        getTimestamps: (t) => t.seconds,
        getColor: (t) => colourOf(t.campaignId, t.teamId),
        widthUnits: 'pixels',
        getWidth: 5 * p.scale,
        fadeTrail: true,
        trailLength: 900,
        currentTime: p.trailTime,
        capRounded: true,
        jointRounded: true,
        updateTriggers: { getWidth: p.scale },
      }),
    );
  return layers;
}
