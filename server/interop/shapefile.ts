// An ESRI Shapefile (ESRI White Paper, July 1998) of one layer: .shp and .shx geometry, .dbf attributes, .prj WGS84 and
// .cpg naming the DBF's encoding. The DBF is written here rather than by @mapbox/shp-write, whose dBase writer puts
// each UTF-16 code unit in one byte: Chinese names come out as garbage. ArcGIS and older desktop tools in China expect
// GBK, which iconv-lite encodes; the .cpg and the language driver byte both say so, for GDAL, QGIS and ArcGIS alike.
import iconv from 'iconv-lite';
import { envelopeOf, polygonsOf, unionEnvelope, wound, type Envelope, type Geometry, type Position } from './geometry.js';
import { columnValue, layerSpecs, type ExportColumn, type ExportFeature, type ExportLayer } from './layers.js';
import { concatBytes } from './zip.js';

export const WGS84_PRJ =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
/** dBase language driver 0x4D: code page 936, GBK. */
const LDID_GBK = 0x4d;
const SHAPE_NULL = 0;
const SHAPE_POINT = 1;
const SHAPE_POLYGON = 5;
/** dBase's widest character field. */
const MAX_TEXT_BYTES = 254;
const INTEGER_WIDTH = 11;

export interface ShapefileParts {
  shp: Uint8Array;
  shx: Uint8Array;
  dbf: Uint8Array;
  prj: string;
  cpg: string;
}

export const encodeGbk = (text: string): Uint8Array => new Uint8Array(iconv.encode(text, 'gbk'));

function shapeContent(g: Geometry | null): Uint8Array {
  if (!g) {
    const out = new Uint8Array(4);
    new DataView(out.buffer).setInt32(0, SHAPE_NULL, true);
    return out;
  }
  if (g.type === 'Point') {
    const out = new Uint8Array(20);
    const v = new DataView(out.buffer);
    v.setInt32(0, SHAPE_POINT, true);
    v.setFloat64(4, g.coordinates[0], true);
    v.setFloat64(12, g.coordinates[1], true);
    return out;
  }
  // Every ring of every polygon is a part; the winding tells outer (clockwise) from hole.
  const rings: Position[][] = polygonsOf(g).flatMap((polygon) => polygon.map((ring, i) => wound(ring, i === 0)));
  const points = rings.reduce((n, r) => n + r.length, 0);
  const out = new Uint8Array(44 + 4 * rings.length + 16 * points);
  const v = new DataView(out.buffer);
  const e = envelopeOf(g);
  v.setInt32(0, SHAPE_POLYGON, true);
  [e.minX, e.minY, e.maxX, e.maxY].forEach((n, i) => v.setFloat64(4 + 8 * i, n, true));
  v.setInt32(36, rings.length, true);
  v.setInt32(40, points, true);
  let at = 44;
  let start = 0;
  for (const ring of rings) {
    v.setInt32(at, start, true);
    at += 4;
    start += ring.length;
  }
  for (const ring of rings)
    for (const [x, y] of ring) {
      v.setFloat64(at, x, true);
      v.setFloat64(at + 8, y, true);
      at += 16;
    }
  return out;
}

function fileHeader(shapeType: number, lengthBytes: number, envelope: Envelope | null): Uint8Array {
  const out = new Uint8Array(100);
  const v = new DataView(out.buffer);
  v.setInt32(0, 9994, false);
  v.setInt32(24, lengthBytes / 2, false);
  v.setInt32(28, 1000, true);
  v.setInt32(32, shapeType, true);
  const e = envelope ?? { minX: 0, minY: 0, maxX: 0, maxY: 0 };
  [e.minX, e.minY, e.maxX, e.maxY].forEach((n, i) => v.setFloat64(36 + 8 * i, n, true));
  return out;
}

function geometryFiles(layer: ExportLayer, features: readonly ExportFeature[]): { shp: Uint8Array; shx: Uint8Array } {
  const shapeType = layerSpecs[layer].geometry === 'point' ? SHAPE_POINT : SHAPE_POLYGON;
  const records: Uint8Array[] = [];
  const index = new Uint8Array(8 * features.length);
  const iv = new DataView(index.buffer);
  let offset = 100;
  features.forEach((f, i) => {
    const content = shapeContent(f.geometry);
    const record = new Uint8Array(8 + content.length);
    const rv = new DataView(record.buffer);
    rv.setInt32(0, i + 1, false);
    rv.setInt32(4, content.length / 2, false);
    record.set(content, 8);
    records.push(record);
    iv.setInt32(8 * i, offset / 2, false);
    iv.setInt32(8 * i + 4, content.length / 2, false);
    offset += record.length;
  });
  const envelope = unionEnvelope(features.flatMap((f) => (f.geometry ? [envelopeOf(f.geometry)] : [])));
  return {
    shp: concatBytes([fileHeader(shapeType, offset, envelope), ...records]),
    shx: concatBytes([fileHeader(shapeType, 100 + index.length, envelope), index]),
  };
}

/** Cuts GBK bytes to at most `max` without splitting a two-byte character. */
function truncateGbk(text: string, max: number): Uint8Array {
  let bytes = encodeGbk(text);
  let chars = [...text];
  while (bytes.length > max) {
    chars = chars.slice(0, -1);
    bytes = encodeGbk(chars.join(''));
  }
  return bytes;
}

interface DbfField {
  column: ExportColumn;
  type: 'C' | 'N' | 'L';
  width: number;
}

function dbfCell(field: DbfField, value: string | number | boolean | null, text: Uint8Array | null): Uint8Array {
  const cell = new Uint8Array(field.width).fill(0x20);
  if (field.type === 'C') {
    if (text) cell.set(text.subarray(0, field.width));
  } else if (field.type === 'N') {
    if (typeof value === 'number') {
      const digits = String(value).slice(0, field.width);
      for (let i = 0; i < digits.length; i++) cell[field.width - digits.length + i] = digits.charCodeAt(i);
    }
  } else cell[0] = value === null ? 0x3f : value ? 0x54 : 0x46; // ? T F
  return cell;
}

/** dBase III: one header, the field descriptors, fixed-width records; text in GBK. */
export function dbfFile(layer: ExportLayer, features: readonly ExportFeature[], updatedOn: Date): Uint8Array {
  const columns = layerSpecs[layer].columns;
  const texts = features.map((f) =>
    columns.map((column) => {
      const v = columnValue(f, column);
      return column.type === 'text' && typeof v === 'string' ? truncateGbk(v, MAX_TEXT_BYTES) : null;
    }),
  );
  const fields: DbfField[] = columns.map((column, i) => ({
    column,
    type: column.type === 'text' ? 'C' : column.type === 'integer' ? 'N' : 'L',
    width: column.type === 'text' ? Math.max(1, ...texts.map((row) => row[i]?.length ?? 0)) : column.type === 'integer' ? INTEGER_WIDTH : 1,
  }));
  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + fields.reduce((n, f) => n + f.width, 0);
  const header = new Uint8Array(headerLength);
  const hv = new DataView(header.buffer);
  hv.setUint8(0, 0x03);
  hv.setUint8(1, updatedOn.getUTCFullYear() - 1900);
  hv.setUint8(2, updatedOn.getUTCMonth() + 1);
  hv.setUint8(3, updatedOn.getUTCDate());
  hv.setUint32(4, features.length, true);
  hv.setUint16(8, headerLength, true);
  hv.setUint16(10, recordLength, true);
  hv.setUint8(29, LDID_GBK);
  fields.forEach((field, i) => {
    const at = 32 + 32 * i;
    for (let k = 0; k < field.column.dbf.length && k < 10; k++) header[at + k] = field.column.dbf.charCodeAt(k);
    header[at + 11] = field.type.charCodeAt(0);
    header[at + 16] = field.width;
    header[at + 17] = 0;
  });
  header[headerLength - 1] = 0x0d;
  const body = new Uint8Array(recordLength * features.length + 1);
  features.forEach((f, r) => {
    let at = r * recordLength;
    body[at++] = 0x20;
    fields.forEach((field, i) => {
      const cell = dbfCell(field, columnValue(f, field.column), texts[r][i]);
      body.set(cell, at);
      at += cell.length;
    });
  });
  body[body.length - 1] = 0x1a;
  return concatBytes([header, body]);
}

export function shapefileParts(layer: ExportLayer, features: readonly ExportFeature[], updatedOn: Date): ShapefileParts {
  return { ...geometryFiles(layer, features), dbf: dbfFile(layer, features, updatedOn), prj: WGS84_PRJ, cpg: 'GBK' };
}
