// A layer's features as the rows of a GeoPackage feature table (OGC 12-128r18): geometries as GeoPackageBinary (the
// standard header before little-endian WKB), values typed as the table's columns. db/queries/geopackage.ts writes
// the file from them.
import { envelopeOf, polygonsOf, toWkb, unionEnvelope, type Envelope, type Geometry } from './geometry.js';
import { columnValue, layerSpecs, type ExportFeature, type ExportLayer } from './layers.js';
import { concatBytes } from './zip.js';

const WGS84 = 4326;

/**
 * The GeoPackageBinary header (§2.1.3.1.1) before the WKB: magic, version 0, flags (little-endian, an xy envelope for
 * polygons, none for points, whose envelope is themselves), the SRS id.
 */
export function gpkgGeometry(g: Geometry): Uint8Array {
  const withEnvelope = g.type !== 'Point';
  const header = new Uint8Array(8 + (withEnvelope ? 32 : 0));
  const v = new DataView(header.buffer);
  header[0] = 0x47; // G
  header[1] = 0x50; // P
  header[2] = 0;
  header[3] = ((withEnvelope ? 1 : 0) << 1) | 1;
  v.setInt32(4, WGS84, true);
  if (withEnvelope) {
    const e = envelopeOf(g);
    [e.minX, e.maxX, e.minY, e.maxY].forEach((n, i) => v.setFloat64(8 + 8 * i, n, true));
  }
  return concatBytes([header, toWkb(g)]);
}

/** A polygon layer's column holds MULTIPOLYGON, as readers expect one geometry type per column. */
const asColumnType = (g: Geometry): Geometry => (g.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: polygonsOf(g) } : g);

const sqlType = { text: 'TEXT', integer: 'INTEGER', boolean: 'BOOLEAN' } as const;

export interface GpkgTable {
  name: string;
  description: string;
  geometryType: 'POINT' | 'MULTIPOLYGON';
  columns: { name: string; type: (typeof sqlType)[keyof typeof sqlType] }[];
  envelope: Envelope | null;
  rows: Iterable<(string | number | Uint8Array | null)[]>;
}

export function gpkgTable(layer: ExportLayer, features: readonly ExportFeature[]): GpkgTable {
  const spec = layerSpecs[layer];
  function* rows() {
    for (const [i, f] of features.entries()) {
      const values = spec.columns.map((col) => {
        const v = columnValue(f, col);
        return typeof v === 'boolean' ? (v ? 1 : 0) : v;
      });
      // The layer's own numeric id where it has one, so a feature keeps its id from file to file.
      const fid = typeof f.id === 'number' ? f.id : i + 1;
      yield [fid, f.geometry ? gpkgGeometry(asColumnType(f.geometry)) : null, ...values];
    }
  }
  return {
    name: spec.table,
    description: `${spec.zh} ${spec.en}`,
    geometryType: spec.geometry === 'point' ? 'POINT' : 'MULTIPOLYGON',
    columns: spec.columns.map((col) => ({ name: col.key, type: sqlType[col.type] })),
    envelope: unionEnvelope(features.flatMap((f) => (f.geometry ? [envelopeOf(f.geometry)] : []))),
    rows: rows(),
  };
}
