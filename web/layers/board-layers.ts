import { ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { CampaignProgress } from '../../server/contract/campaign-progress.js';
import { teamMarkerLayer } from './route-layers.js';
import type { Rgba } from './theme.js';

// The board's map: every planned stop, filled when done (green co-signed, amber 待确认, red ringed when far from the
// target), hollow grey when not yet; each team-shift's last known position as a white marker ringed in its colour.

export const BOARD_STOPS_LAYER_ID = 'board-stops';
export const BOARD_TEAMS_LAYER_ID = 'board-teams';

export const BOARD_COLOURS = {
  confirmed: [0, 158, 115, 255] as Rgba,
  pending: [230, 159, 0, 255] as Rgba,
  far: [213, 94, 0, 255] as Rgba,
  todo: [160, 170, 185, 200] as Rgba,
};

type Stop = CampaignProgress['stops'][number];

export interface BoardTeamMarker {
  teamId: string;
  colour: Rgba;
  position: [number, number];
  at: string;
}

const fillOf = (s: Stop): Rgba => (s.result === null ? [0, 0, 0, 0] : s.confirmed ? BOARD_COLOURS.confirmed : BOARD_COLOURS.pending);
const lineOf = (s: Stop): Rgba => (s.result === null ? BOARD_COLOURS.todo : s.far ? BOARD_COLOURS.far : fillOf(s));

export function boardMarkers(progress: CampaignProgress, colours: ReadonlyMap<string, Rgba>): BoardTeamMarker[] {
  return progress.teams.flatMap((t) =>
    t.lastPosition ? [{ teamId: t.teamId, colour: colours.get(t.teamId) ?? ([255, 255, 255, 255] as Rgba), position: t.lastPosition.location, at: t.lastPosition.at }] : [],
  );
}

export function buildBoardLayers(progress: CampaignProgress, markers: readonly BoardTeamMarker[]): Layer[] {
  return [
    new ScatterplotLayer<Stop>({
      id: BOARD_STOPS_LAYER_ID,
      data: progress.stops,
      getPosition: (s) => s.location,
      getFillColor: fillOf,
      getLineColor: lineOf,
      stroked: true,
      lineWidthUnits: 'pixels',
      getLineWidth: (s) => (s.far ? 3 : 2),
      radiusUnits: 'pixels',
      getRadius: 6,
      pickable: true,
      updateTriggers: { getFillColor: progress.stops.map((s) => `${s.result}${s.confirmed}`).join(), getLineColor: progress.stops.map((s) => `${s.result}${s.far}`).join() },
    }),
    teamMarkerLayer(BOARD_TEAMS_LAYER_ID, markers),
  ];
}

/** The extent of the planned stops with a margin, [west, south, east, north]; null when there is none. */
export function boardBounds(progress: CampaignProgress): [number, number, number, number] | null {
  if (progress.stops.length === 0) return null;
  const lons = progress.stops.map((s) => s.location[0]);
  const lats = progress.stops.map((s) => s.location[1]);
  const [w, s, e, n] = [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
  const dx = Math.max(0.004, (e - w) * 0.1);
  const dy = Math.max(0.004, (n - s) * 0.1);
  return [w - dx, s - dy, e + dx, n + dy];
}
