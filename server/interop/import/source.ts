import gcoord from 'gcoord';
import { decodeCsvBytes, type Encoding } from '../../domain/platform-csv.js';
import { parseCsv } from '../../domain/csv.js';
import type { InputIssue } from '../../domain/errors.js';
import type { Geometry, Position } from '../geometry.js';
import { readDbf, readShp, ShapefileError } from './shapefile-read.js';
import { unzip, ZipError } from './unzip.js';

// A file to import as records of named text fields and a WGS84 geometry, whatever it came as: GeoJSON, CSV (UTF-8 or
// GBK) or a zipped Shapefile, in WGS84, GCJ-02 (the offset datum Chinese web maps must use), BD-09 (Baidu's offset on
// top of it) or CGCS2000. Pure: bytes in, records and problems out.

import type { ImportCrs, ImportFormat } from '../../domain/import-vocabulary.js';

export { importCrses, importFormats, type ImportCrs, type ImportFormat } from '../../domain/import-vocabulary.js';

export interface SourceRecord {
  /** Where the record is in the file, as a report names it: "line 3" (CSV) or "feature 3". */
  at: string;
  fields: Record<string, string>;
  /** In WGS84; null when the record has none. */
  geometry: Geometry | null;
}

export interface SourceFile {
  format: ImportFormat;
  /** CSV and DBF text only. */
  encoding: Encoding | null;
  crs: ImportCrs;
  columns: string[];
  records: SourceRecord[];
  notes: string[];
  problems: InputIssue[];
}

export interface SourceOptions {
  fileName: string;
  encoding?: Encoding | 'auto';
  /** The coordinates' reference system as the user names it; else from the .prj or the GeoJSON, else WGS84. */
  crs?: ImportCrs;
}

const CGCS2000_NOTE = 'CGCS2000 (EPSG:4490) is read as WGS84: the two differ by centimetres, far below the accuracy of the data';

export function detectFormat(fileName: string, bytes: Uint8Array): ImportFormat {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.zip') || (bytes[0] === 0x50 && bytes[1] === 0x4b)) return 'shapefile';
  if (lower.endsWith('.geojson') || lower.endsWith('.json')) return 'geojson';
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  const first = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart();
  return first.startsWith('{') ? 'geojson' : 'csv';
}

/** The CRS a .prj's WKT names, or why it cannot be imported. */
export function crsOfPrj(wkt: string): { crs: ImportCrs } | { problem: string } {
  const text = wkt.replace(/\s+/g, ' ');
  if (/^\s*PROJCS|PROJCRS/i.test(text))
    return { problem: `the .prj names a projected system (${/PROJC(?:RS|S)\["([^"]+)"/i.exec(text)?.[1] ?? 'unnamed'}): reproject to WGS84 or CGCS2000 longitude/latitude first` };
  if (/4490|CGCS[ _]?2000|China[ _]Geodetic[ _]Coordinate[ _]System[ _]2000/i.test(text)) return { crs: 'cgcs2000' };
  if (/GCJ|Mars/i.test(text)) return { crs: 'gcj02' };
  if (/BD[-_ ]?09|Baidu/i.test(text)) return { crs: 'bd09' };
  if (/WGS[ _]?(19)?84|4326/i.test(text)) return { crs: 'wgs84' };
  return { problem: `the .prj names a coordinate system this import does not know (${text.slice(0, 80)}): name it with --crs wgs84|gcj02|bd09|cgcs2000 if it is one of those` };
}

const GCOORD_OF: Record<ImportCrs, typeof gcoord.GCJ02 | typeof gcoord.BD09 | null> = { wgs84: null, cgcs2000: null, gcj02: gcoord.GCJ02, bd09: gcoord.BD09 };

/** The geometry in WGS84: GCJ-02 and BD-09 converted (gcoord), WGS84 and CGCS2000 as they are. */
export function toWgs84(geometry: Geometry, crs: ImportCrs): Geometry {
  const from = GCOORD_OF[crs];
  if (!from) return geometry;
  const point = (p: Position): Position => gcoord.transform<[number, number]>([p[0], p[1]], from, gcoord.WGS84);
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: point(geometry.coordinates) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: geometry.coordinates.map((ring) => ring.map(point)) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map(point))) };
    default:
      return geometry;
  }
}

const text = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
};

function isGeometry(value: unknown): value is Geometry {
  if (!value || typeof value !== 'object') return false;
  const g = value as { type?: unknown; coordinates?: unknown };
  return ['Point', 'Polygon', 'MultiPolygon', 'LineString', 'MultiLineString', 'MultiPoint'].includes(String(g.type)) && Array.isArray(g.coordinates);
}

/** Coordinates are finite numbers at every depth (a NaN or a string would reach PostGIS otherwise). */
function numericCoordinates(value: unknown, depth = 0): boolean {
  if (!Array.isArray(value) || depth > 4) return false;
  if (value.length >= 2 && value.every((v) => typeof v === 'number')) return value.every(Number.isFinite);
  return value.length > 0 && value.every((v) => numericCoordinates(v, depth + 1));
}

function readGeoJson(bytes: Uint8Array, crsGiven: ImportCrs | undefined): Omit<SourceFile, 'format'> {
  const problems: InputIssue[] = [];
  const notes: string[] = [];
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''));
  } catch {
    return { encoding: null, crs: crsGiven ?? 'wgs84', columns: [], records: [], notes, problems: [{ path: 'file', message: 'not valid JSON' }] };
  }
  const features = (doc as { type?: unknown; features?: unknown })?.type === 'FeatureCollection' ? (doc as { features: unknown }).features : null;
  if (!Array.isArray(features)) return { encoding: null, crs: crsGiven ?? 'wgs84', columns: [], records: [], notes, problems: [{ path: 'file', message: 'not a GeoJSON FeatureCollection' }] };
  // RFC 7946 is WGS84 by definition; an older file may still name EPSG:4490 in its `crs` member.
  const named = text((doc as { crs?: { properties?: { name?: unknown } } }).crs?.properties?.name);
  const crs = crsGiven ?? (/4490|CGCS2000/i.test(named) ? 'cgcs2000' : 'wgs84');
  const columns = new Set<string>();
  const records: SourceRecord[] = features.map((feature: unknown, i) => {
    const at = `feature ${i + 1}`;
    const f = (feature ?? {}) as { properties?: unknown; geometry?: unknown };
    const properties = f.properties && typeof f.properties === 'object' ? (f.properties as Record<string, unknown>) : {};
    const fields = Object.fromEntries(Object.entries(properties).map(([k, v]) => (columns.add(k), [k, text(v).trim()])));
    let geometry: Geometry | null = null;
    if (f.geometry !== null && f.geometry !== undefined) {
      if (isGeometry(f.geometry) && numericCoordinates(f.geometry.coordinates)) geometry = toWgs84(f.geometry, crs);
      else problems.push({ path: `${at}.geometry`, message: 'not a GeoJSON geometry with numeric coordinates' });
    }
    return { at, fields, geometry };
  });
  if (crs === 'cgcs2000') notes.push(CGCS2000_NOTE);
  return { encoding: null, crs, columns: [...columns], records, notes, problems };
}

const LONGITUDE_HEADERS = ['longitude', 'lon', 'lng', '经度', 'x'];
const LATITUDE_HEADERS = ['latitude', 'lat', '纬度', 'y'];
const GEOMETRY_HEADERS = ['geometry', 'geojson', '几何', '范围'];
const headerKey = (h: string) => h.replace(/^\uFEFF/, '').replace(/[\s*＊:：()（）]/g, '').toLowerCase();

/** The column whose header is one of `names` (compared without spaces, brackets or case), or its own mapped column. */
export function findColumn(columns: readonly string[], names: readonly string[], mapped?: string): string | undefined {
  if (mapped !== undefined) return columns.find((c) => c === mapped) ?? columns.find((c) => headerKey(c) === headerKey(mapped));
  return names.map((n) => columns.find((c) => headerKey(c) === headerKey(n))).find((c) => c !== undefined);
}

function readCsv(bytes: Uint8Array, options: SourceOptions, mapping: Readonly<Record<string, string>>): Omit<SourceFile, 'format'> {
  const crs = options.crs ?? 'wgs84';
  let decoded: { text: string; encoding: Encoding };
  try {
    decoded = decodeCsvBytes(bytes, options.encoding);
  } catch {
    return { encoding: 'utf-8', crs, columns: [], records: [], notes: [], problems: [{ path: 'encoding', message: 'the file is not valid UTF-8: choose --encoding gbk' }] };
  }
  const table = parseCsv(decoded.text).filter((r) => r.some((c) => c.trim() !== ''));
  const [header = [], ...body] = table;
  const columns = header.map((h) => h.replace(/^\uFEFF/, '').trim());
  const problems: InputIssue[] = [];
  const lon = findColumn(columns, LONGITUDE_HEADERS, mapping.longitude);
  const lat = findColumn(columns, LATITUDE_HEADERS, mapping.latitude);
  const shape = findColumn(columns, GEOMETRY_HEADERS, mapping.geometry);
  const records = body.map((cells, i): SourceRecord => {
    const at = `line ${i + 2}`;
    const fields = Object.fromEntries(columns.map((c, j) => [c, (cells[j] ?? '').trim()]));
    let geometry: Geometry | null = null;
    if (shape && fields[shape]) {
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(fields[shape]);
      } catch {
        // reported below
      }
      if (isGeometry(parsed) && numericCoordinates(parsed.coordinates)) geometry = toWgs84(parsed, crs);
      else problems.push({ path: `${at}.geometry`, message: 'not a GeoJSON geometry with numeric coordinates' });
    } else if (lon && lat && (fields[lon] || fields[lat])) {
      const x = Number(fields[lon]);
      const y = Number(fields[lat]);
      if (fields[lon] === '' || fields[lat] === '' || !Number.isFinite(x) || !Number.isFinite(y))
        problems.push({ path: `${at}.longitude`, message: `not a longitude/latitude: ${JSON.stringify(`${fields[lon]},${fields[lat]}`)}` });
      else geometry = toWgs84({ type: 'Point', coordinates: [x, y] }, crs);
    }
    return { at, fields, geometry };
  });
  const notes = crs === 'cgcs2000' ? [CGCS2000_NOTE] : [];
  return { encoding: decoded.encoding, crs, columns, records, notes, problems };
}

/** The DBF's text decoder: as chosen, else the .cpg's code page, else GBK (what desktop GIS in China writes). */
function dbfDecoder(cpg: string | null, encoding: Encoding | 'auto' | undefined): { decode: (b: Uint8Array) => string; encoding: Encoding } {
  const named = encoding && encoding !== 'auto' ? encoding : cpg ? (/utf-?8|65001/i.test(cpg) ? 'utf-8' : /936|gbk|gb2312|gb18030/i.test(cpg) ? 'gbk' : null) : null;
  const chosen: Encoding = named ?? 'gbk';
  const decoder = new TextDecoder(chosen === 'utf-8' ? 'utf-8' : 'gbk');
  return { decode: (b) => decoder.decode(b).replace(/\0+$/, ''), encoding: chosen };
}

function readShapefile(bytes: Uint8Array, options: SourceOptions): Omit<SourceFile, 'format'> {
  const fail = (message: string) => ({ encoding: null, crs: options.crs ?? 'wgs84', columns: [], records: [], notes: [], problems: [{ path: 'file', message }] });
  let entries: Map<string, Uint8Array>;
  try {
    entries = unzip(bytes);
  } catch (error) {
    if (error instanceof ZipError) return fail(error.message);
    throw error;
  }
  const shpName = [...entries.keys()].find((n) => /\.shp$/i.test(n) && !n.startsWith('__MACOSX'));
  if (!shpName) return fail('the zip holds no .shp');
  const base = shpName.slice(0, -4);
  const part = (ext: string) => entries.get([...entries.keys()].find((n) => n.slice(0, -4) === base && n.slice(-4).toLowerCase() === ext) ?? '');
  const dbf = part('.dbf');
  if (!dbf) return fail(`the zip holds ${shpName} but no ${base}.dbf`);
  const prj = part('.prj');
  const cpg = part('.cpg');
  const notes: string[] = [];
  let crs: ImportCrs = options.crs ?? 'wgs84';
  if (!options.crs) {
    if (prj) {
      const found = crsOfPrj(new TextDecoder().decode(prj));
      if ('problem' in found) return fail(found.problem);
      crs = found.crs;
    } else notes.push('no .prj: the coordinates are read as WGS84 (name another system with --crs)');
  }
  if (crs === 'cgcs2000') notes.push(CGCS2000_NOTE);
  const { decode, encoding } = dbfDecoder(cpg ? new TextDecoder().decode(cpg).trim() : null, options.encoding);
  if (!cpg && encoding === 'gbk' && (!options.encoding || options.encoding === 'auto')) notes.push('no .cpg: the attributes are read as GBK');
  let shapes: (Geometry | null)[];
  let rows: (Record<string, string> | null)[];
  try {
    shapes = readShp(part('.shp')!);
    rows = readDbf(dbf, decode);
  } catch (error) {
    if (error instanceof ShapefileError) return fail(error.message);
    throw error;
  }
  if (shapes.length !== rows.length) return fail(`the .shp has ${shapes.length} shapes and the .dbf ${rows.length} records`);
  const columns = Object.keys(rows.find((r) => r) ?? {});
  const records: SourceRecord[] = [];
  rows.forEach((fields, i) => {
    if (fields) records.push({ at: `feature ${i + 1}`, fields, geometry: shapes[i] && toWgs84(shapes[i], crs) });
  });
  return { encoding, crs, columns, records, notes, problems: [] };
}

/** The file's records; `mapping` (field → column) names CSV's position columns when their headers are not the usual ones. */
export function readSourceFile(bytes: Uint8Array, options: SourceOptions, mapping: Readonly<Record<string, string>> = {}): SourceFile {
  const format = detectFormat(options.fileName, bytes);
  const read = format === 'shapefile' ? readShapefile(bytes, options) : format === 'geojson' ? readGeoJson(bytes, options.crs) : readCsv(bytes, options, mapping);
  return { format, ...read };
}
