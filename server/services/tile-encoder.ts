// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the browser tests compile the server through its imports alone, so the declaration must be reached from here
/// <reference path="./vt-pbf.d.ts" />
// Tiles for engines without ST_AsMVT: the SQL has clipped and scaled the features to tile units
// (db/queries/tiles.ts#clippedFeaturesSql), vt-pbf writes the protobuf as PostGIS would (version 2, extent 4096).
import { fromGeojsonVt, type GeojsonVtFeature } from 'vt-pbf';
import type { ClippedFeatureRow } from '../../db/queries/tiles.js';
import { tileExtent } from '../domain/tile-layers.js';

type Position = [number, number];

function toVtFeature(row: ClippedFeatureRow): GeojsonVtFeature | null {
  const { type, coordinates } = row.geometry;
  const base = { ...(row.id === null ? {} : { id: row.id }), tags: row.properties };
  switch (type) {
    case 'Point':
      return { ...base, type: 1, geometry: [coordinates as Position] };
    case 'MultiPoint':
      return { ...base, type: 1, geometry: coordinates as Position[] };
    case 'LineString':
      return { ...base, type: 2, geometry: [coordinates as Position[]] };
    case 'MultiLineString':
      return { ...base, type: 2, geometry: coordinates as Position[][] };
    case 'Polygon':
      return { ...base, type: 3, geometry: coordinates as Position[][] };
    case 'MultiPolygon':
      return { ...base, type: 3, geometry: (coordinates as Position[][][]).flat() };
    default:
      // A collection left by clipping has no MVT type of its own; ST_AsMVTGeom drops such parts too.
      return null;
  }
}

/** The features of one layer as an MVT tile; no features → an empty buffer (the route answers 204). */
export function encodeTile(layer: string, rows: readonly ClippedFeatureRow[]): Uint8Array {
  const features = rows.map(toVtFeature).filter((f): f is GeojsonVtFeature => f !== null);
  if (features.length === 0) return new Uint8Array();
  return fromGeojsonVt({ [layer]: { features } }, { version: 2, extent: tileExtent });
}
