/**
 * Chinese web maps publish coordinates in GCJ-02 ("Mars coordinates"), offset by a few hundred metres from
 * WGS84. The product stores WGS84 only, so district borders taken from such a source are converted here.
 */
import gcoord from 'gcoord';

type Position = number[];
export type AreaGeometry =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

export function gcj02ToWgs84Position([lon, lat]: Position): [number, number] {
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) throw new RangeError(`not a coordinate: [${lon}, ${lat}]`);
  const [x, y] = gcoord.transform([lon, lat] as [number, number], gcoord.GCJ02, gcoord.WGS84);
  return [x, y];
}

export function gcj02ToWgs84Geometry(geometry: AreaGeometry): AreaGeometry {
  const ring = (positions: Position[]) => positions.map(gcj02ToWgs84Position);
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: geometry.coordinates.map(ring) };
  if (geometry.type === 'MultiPolygon') {
    return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map(ring)) };
  }
  throw new TypeError(`expected a Polygon or MultiPolygon, got ${(geometry as { type: string }).type}`);
}
