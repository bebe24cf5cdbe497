import { ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { DevicePosition, FieldAssignment } from '../../server/contract/field.js';
import type { StopStatus, StopView } from '../state/field.js';
import { baseLayer, routePathLayer, stopLayers, type RouteTrack, type StopMarker } from './route-layers.js';
import type { Rgba, Theme } from './theme.js';

// The phone page's small map: the team's route, its stops numbered in route order (the planner's route and stop
// layers), the stops coloured by what is done, and the device's position with its accuracy.

/** Stop colours by status: open stops in the route colour, done ones green, waiting for the co-signature gold. */
export const FIELD_STOP_COLOURS: Record<StopStatus, Rgba> = {
  todo: [86, 180, 233, 255],
  arrived: [230, 159, 0, 255],
  pending_cosign: [255, 209, 102, 255],
  confirmed: [0, 158, 115, 255],
};
const ROUTE_COLOUR: Rgba = [86, 180, 233, 255];
const ME_COLOUR: Rgba = [255, 255, 255, 255];

export const FIELD_STOPS_LAYER_ID = 'route-stops';

export function fieldLayers(assignment: FieldAssignment, views: readonly StopView[], position: DevicePosition | null, theme: Theme): Layer[] {
  const straight = assignment.line.length < 2;
  const path = straight ? [assignment.base.location, ...assignment.stops.map((s) => s.location), assignment.base.location] : assignment.line;
  const track: RouteTrack = { teamId: 1, colour: ROUTE_COLOUR, path, timestamps: [], approximate: straight };
  const markers: (StopMarker & { targetKey: string })[] = views.map((v) => ({
    teamId: 1,
    colour: FIELD_STOP_COLOURS[v.status],
    position: v.stop.location,
    sequence: v.stop.order,
    eta: v.stop.eta,
    name: v.stop.name,
    targetKey: v.stop.targetKey,
  }));
  const layers: Layer[] = [routePathLayer(path.length >= 2 ? [track] : []), ...stopLayers(markers, theme), baseLayer(assignment.base, theme)];
  if (position) {
    const me = { position: [position.lon, position.lat] as [number, number], accuracy: position.accuracyMetres ?? 0 };
    layers.push(
      new ScatterplotLayer<typeof me>({
        id: 'field-me-accuracy',
        data: [me],
        getPosition: (d) => d.position,
        getRadius: (d) => Math.min(d.accuracy, 2000),
        radiusUnits: 'meters',
        getFillColor: [255, 255, 255, 40],
        getLineColor: [255, 255, 255, 120],
        stroked: true,
        lineWidthUnits: 'pixels',
        getLineWidth: 1,
      }),
      new ScatterplotLayer<typeof me>({
        id: 'field-me',
        data: [me],
        getPosition: (d) => d.position,
        getRadius: 8,
        radiusUnits: 'pixels',
        getFillColor: ME_COLOUR,
        getLineColor: [0, 114, 178, 255],
        stroked: true,
        lineWidthUnits: 'pixels',
        getLineWidth: 4,
        parameters: { depthCompare: 'always' },
      }),
    );
  }
  return layers;
}

/** What the map frames: the route and the stops, and the device when it is near (within the frame grown by half). */
export function fieldBounds(assignment: FieldAssignment): [number, number, number, number] {
  const points = [assignment.base.location, ...assignment.stops.map((s) => s.location), ...assignment.line];
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const [w, s, e, n] = [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
  const dx = Math.max(0.003, (e - w) * 0.12);
  const dy = Math.max(0.003, (n - s) * 0.12);
  return [w - dx, s - dy, e + dx, n + dy];
}
