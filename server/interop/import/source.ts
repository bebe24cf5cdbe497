import gcoord from 'gcoord';
import { JSONParser } from '@streamparser/json';
import type { Encoding } from '../../domain/platform-csv.js';
import { CsvReader } from '../../domain/csv.js';
import type { Geometry, Position } from '../geometry.js';
import type { ImportProblems } from './problems.js';
import { countShapes, openDbf, readShapes, ShapefileError } from './shapefile-read.js';
import { unzip, ZipError } from './unzip.js';

// A file to import as records of named text fields and a WGS84 geometry, whatever it came as: GeoJSON, CSV (UTF-8 or
// GBK) or a zipped Shapefile, in WGS84, GCJ-02 (the offset datum Chinese web maps must use), BD-09 (Baidu's offset on
// top of it) or CGCS2000. Pure: chunks of bytes in, records out one at a time (so a file of any size is read in
// bounded memory), problems into the import's list as they are found.

import type { ImportCrs, ImportFormat } from '../../domain/import-vocabulary.js';

export { importCrses, importFormats, type ImportCrs, type ImportFormat } from '../../domain/import-vocabulary.js';

export interface SourceRecord {
  /** Where the record is in the file, as a report names it: "line 3" (CSV) or "feature 3". */
  at: string;
  fields: Record<string, string>;
  /** In WGS84; null when the record has none. */
  geometry: Geometry | null;
}

/** A file's bytes, read from the start as often as needed (CSV is read twice: once to tell its encoding). */
export interface ByteSource {
  readonly size: number;
  chunks(): AsyncIterable<Uint8Array>;
}

/** Bytes in memory as a source, in chunks of a megabyte like a file's. */
export function bytesSource(bytes: Uint8Array, chunkBytes = 1 << 20): ByteSource {
  return {
    size: bytes.byteLength,
    async *chunks() {
      for (let at = 0; at < bytes.byteLength; at += chunkBytes) yield bytes.subarray(at, at + chunkBytes);
    },
  };
}

const NO_RECORDS: AsyncIterable<SourceRecord> = { async *[Symbol.asyncIterator]() {} };

async function firstBytes(source: ByteSource): Promise<Uint8Array> {
  for await (const chunk of source.chunks()) return chunk;
  return new Uint8Array(0);
}

async function allBytes(source: ByteSource): Promise<Uint8Array> {
  const all = new Uint8Array(source.size);
  let at = 0;
  for await (const chunk of source.chunks()) {
    all.set(chunk.subarray(0, all.length - at), at);
    at += chunk.length;
  }
  return all.subarray(0, Math.min(at, all.length));
}

/**
 * What an opened file says of itself, and its records, to be read once. The CRS and the notes can still change while
 * the records are read (a GeoJSON may name its CRS after its features), so a report reads them at the end.
 */
export interface SourceFile {
  format: ImportFormat;
  /** CSV and DBF text only. */
  encoding: Encoding | null;
  crs: ImportCrs;
  /** CSV's header, the DBF's fields, the properties of a GeoJSON's first features. */
  columns: string[];
  notes: string[];
  records: AsyncIterable<SourceRecord>;
  /** How far through the file the records read so far reach, from 0 to 1. */
  progress(): number;
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

/** The features of a GeoJSON's first this many records give its columns, as a header gives a CSV's. */
export const GEOJSON_COLUMN_SAMPLE = 2_000;

interface Reading {
  file: SourceFile;
  /** The records, read lazily; `columnsKnown` says when enough of them have been read to know the columns. */
  records: AsyncGenerator<SourceRecord>;
  columnsKnown(): boolean;
}

function geoJsonRecord(feature: unknown, index: number, crs: ImportCrs, columns: Set<string>, problems: ImportProblems): SourceRecord {
  const at = `feature ${index}`;
  const f = (feature ?? {}) as { properties?: unknown; geometry?: unknown };
  const properties = f.properties && typeof f.properties === 'object' ? (f.properties as Record<string, unknown>) : {};
  const fields = Object.fromEntries(Object.entries(properties).map(([k, v]) => (columns.add(k), [k, text(v).trim()])));
  let geometry: Geometry | null = null;
  if (f.geometry !== null && f.geometry !== undefined) {
    if (isGeometry(f.geometry) && numericCoordinates(f.geometry.coordinates)) geometry = toWgs84(f.geometry, crs);
    else problems.add({ path: `${at}.geometry`, message: 'not a GeoJSON geometry with numeric coordinates' });
  }
  return { at, fields, geometry };
}

/** A FeatureCollection read feature by feature (@streamparser/json), never as one document. */
function readGeoJson(source: ByteSource, crsGiven: ImportCrs | undefined, problems: ImportProblems): Reading {
  let read = 0;
  const columns = new Set<string>();
  const file: SourceFile = { format: 'geojson', encoding: null, crs: crsGiven ?? 'wgs84', columns: [], notes: [], records: NO_RECORDS, progress: () => (source.size ? read / source.size : 1) };
  let count = 0;
  async function* records(): AsyncGenerator<SourceRecord> {
    const parser = new JSONParser({ paths: ['$.type', '$.crs', '$.features.*'], keepStack: false });
    let rootType: unknown;
    let features = 0;
    let ready: SourceRecord[] = [];
    parser.onValue = ({ value, key, stack }) => {
      if (stack.length === 1 && key === 'type') rootType = value;
      else if (stack.length === 1 && key === 'crs') {
        // RFC 7946 is WGS84 by definition; an older file may still name EPSG:4490 in its `crs` member.
        const named = text((value as { properties?: { name?: unknown } } | null)?.properties?.name);
        if (!crsGiven && /4490|CGCS2000/i.test(named)) file.crs = 'cgcs2000';
      } else if (typeof key === 'number') ready.push(geoJsonRecord(value, ++features, file.crs, columns, problems));
    };
    try {
      let first = true;
      for await (const chunk of source.chunks()) {
        // A byte order mark is not JSON; editors on Windows write one.
        parser.write(first && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? chunk.subarray(3) : chunk);
        first = false;
        read += chunk.length;
        const batch = ready;
        ready = [];
        for (const record of batch) {
          count++;
          yield record;
        }
      }
      if (!parser.isEnded) parser.end();
    } catch {
      problems.add({ path: 'file', message: count ? `not valid JSON after feature ${count}` : 'not valid JSON' });
      return;
    }
    if (rootType !== 'FeatureCollection') problems.add({ path: 'file', message: 'not a GeoJSON FeatureCollection' });
    if (file.crs === 'cgcs2000') file.notes.push(CGCS2000_NOTE);
  }
  const generator = records();
  return {
    file,
    records: (async function* () {
      for await (const record of generator) {
        if (file.columns.length < columns.size) file.columns = [...columns];
        yield record;
      }
    })(),
    columnsKnown: () => count >= GEOJSON_COLUMN_SAMPLE,
  };
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

/**
 * The encoding to read a CSV in: GBK when chosen; UTF-8 when chosen or marked by a BOM (checked as it is read); else
 * UTF-8 if the whole file is valid UTF-8, which a first pass over it tells, and GBK (what Excel in China saves) if not.
 */
async function csvEncoding(source: ByteSource, chosen: Encoding | 'auto' | undefined): Promise<Encoding> {
  if (chosen === 'gbk' || chosen === 'utf-8') return chosen;
  const head = await firstBytes(source);
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of source.chunks()) decoder.decode(chunk, { stream: true });
    decoder.decode();
    return 'utf-8';
  } catch {
    return 'gbk';
  }
}

function readCsv(source: ByteSource, encoding: Encoding, options: SourceOptions, mapping: Readonly<Record<string, string>>, problems: ImportProblems): Reading {
  const crs = options.crs ?? 'wgs84';
  let read = 0;
  const file: SourceFile = { format: 'csv', encoding, crs, columns: [], notes: crs === 'cgcs2000' ? [CGCS2000_NOTE] : [], records: NO_RECORDS, progress: () => (source.size ? read / source.size : 1) };
  let header: string[] | null = null;
  let position: { lon?: string; lat?: string; shape?: string } = {};
  let line = 0;
  const recordOf = (cells: string[]): SourceRecord | null => {
    line++;
    if (!cells.some((c) => c.trim() !== '')) return null;
    if (!header) {
      header = cells.map((h) => h.replace(/^\uFEFF/, '').trim());
      file.columns = header;
      position = { lon: findColumn(header, LONGITUDE_HEADERS, mapping.longitude), lat: findColumn(header, LATITUDE_HEADERS, mapping.latitude), shape: findColumn(header, GEOMETRY_HEADERS, mapping.geometry) };
      return null;
    }
    const at = `line ${line}`;
    const fields = Object.fromEntries(header.map((c, j) => [c, (cells[j] ?? '').trim()]));
    return { at, fields, geometry: csvGeometry(at, fields, position, crs, problems) };
  };
  async function* records(): AsyncGenerator<SourceRecord> {
    // UTF-8 is decoded strictly: a file that is not UTF-8 must be refused, not read with replacement characters.
    const decoder = new TextDecoder(encoding === 'utf-8' ? 'utf-8' : 'gbk', { fatal: encoding === 'utf-8' });
    const reader = new CsvReader();
    const decode = (chunk?: Uint8Array): string | null => {
      try {
        return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
      } catch {
        problems.add({ path: 'encoding', message: `the file is not valid UTF-8${line > 1 ? ` after line ${line}` : ''}: choose --encoding gbk` });
        return null;
      }
    };
    for await (const chunk of source.chunks()) {
      read += chunk.length;
      const text = decode(chunk);
      if (text === null) return;
      for (const cells of reader.push(text)) {
        const record = recordOf(cells);
        if (record) yield record;
      }
    }
    const last = decode();
    if (last === null) return;
    for (const cells of [...reader.push(last), ...reader.end()]) {
      const record = recordOf(cells);
      if (record) yield record;
    }
  }
  return { file, records: records(), columnsKnown: () => header !== null };
}

function csvGeometry(at: string, fields: Record<string, string>, columns: { lon?: string; lat?: string; shape?: string }, crs: ImportCrs, problems: ImportProblems): Geometry | null {
  const { lon, lat, shape } = columns;
  if (shape && fields[shape]) {
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(fields[shape]);
    } catch {
      // reported below
    }
    if (isGeometry(parsed) && numericCoordinates(parsed.coordinates)) return toWgs84(parsed, crs);
    problems.add({ path: `${at}.geometry`, message: 'not a GeoJSON geometry with numeric coordinates' });
  } else if (lon && lat && (fields[lon] || fields[lat])) {
    const x = Number(fields[lon]);
    const y = Number(fields[lat]);
    if (fields[lon] !== '' && fields[lat] !== '' && Number.isFinite(x) && Number.isFinite(y)) return toWgs84({ type: 'Point', coordinates: [x, y] }, crs);
    problems.add({ path: `${at}.longitude`, message: `not a longitude/latitude: ${JSON.stringify(`${fields[lon]},${fields[lat]}`)}` });
  }
  return null;
}

/** The DBF's text decoder: as chosen, else the .cpg's code page, else GBK (what desktop GIS in China writes). */
function dbfDecoder(cpg: string | null, encoding: Encoding | 'auto' | undefined): { decode: (b: Uint8Array) => string; encoding: Encoding } {
  const named = encoding && encoding !== 'auto' ? encoding : cpg ? (/utf-?8|65001/i.test(cpg) ? 'utf-8' : /936|gbk|gb2312|gb18030/i.test(cpg) ? 'gbk' : null) : null;
  const chosen: Encoding = named ?? 'gbk';
  const decoder = new TextDecoder(chosen === 'utf-8' ? 'utf-8' : 'gbk');
  return { decode: (b) => decoder.decode(b).replace(/\0+$/, ''), encoding: chosen };
}

/** A zipped Shapefile: the archive is held in memory (a zip's directory is at its end), its records read one at a time. */
async function readShapefile(source: ByteSource, options: SourceOptions, problems: ImportProblems): Promise<Reading> {
  const file: SourceFile = { format: 'shapefile', encoding: null, crs: options.crs ?? 'wgs84', columns: [], notes: [], records: NO_RECORDS, progress: () => 1 };
  const fail = (message: string): Reading => {
    problems.add({ path: 'file', message });
    return { file, records: (async function* () {})(), columnsKnown: () => true };
  };
  let entries: Map<string, Uint8Array>;
  try {
    entries = unzip(await allBytes(source));
  } catch (error) {
    if (error instanceof ZipError) return fail(error.message);
    throw error;
  }
  const shpName = [...entries.keys()].find((n) => /\.shp$/i.test(n) && !n.startsWith('__MACOSX'));
  if (!shpName) return fail('the zip holds no .shp');
  const base = shpName.slice(0, -4);
  const part = (ext: string) => entries.get([...entries.keys()].find((n) => n.slice(0, -4) === base && n.slice(-4).toLowerCase() === ext) ?? '');
  const shp = part('.shp')!;
  const dbf = part('.dbf');
  if (!dbf) return fail(`the zip holds ${shpName} but no ${base}.dbf`);
  const prj = part('.prj');
  const cpg = part('.cpg');
  if (!options.crs) {
    if (prj) {
      const found = crsOfPrj(new TextDecoder().decode(prj));
      if ('problem' in found) return fail(found.problem);
      file.crs = found.crs;
    } else file.notes.push('no .prj: the coordinates are read as WGS84 (name another system with --crs)');
  }
  if (file.crs === 'cgcs2000') file.notes.push(CGCS2000_NOTE);
  const { decode, encoding } = dbfDecoder(cpg ? new TextDecoder().decode(cpg).trim() : null, options.encoding);
  file.encoding = encoding;
  if (!cpg && encoding === 'gbk' && (!options.encoding || options.encoding === 'auto')) file.notes.push('no .cpg: the attributes are read as GBK');
  let table: ReturnType<typeof openDbf>;
  let shapeCount: number;
  try {
    shapeCount = countShapes(shp);
    table = openDbf(dbf, decode);
  } catch (error) {
    if (error instanceof ShapefileError) return fail(error.message);
    throw error;
  }
  if (shapeCount !== table.count) return fail(`the .shp has ${shapeCount} shapes and the .dbf ${table.count} records`);
  file.columns = table.columns;
  let read = 0;
  file.progress = () => (table.count ? read / table.count : 1);
  const crs = file.crs;
  async function* records(): AsyncGenerator<SourceRecord> {
    const shapes = readShapes(shp);
    try {
      for (const fields of table.records()) {
        const next = shapes.next();
        const shape: Geometry | null = next.done ? null : next.value;
        read++;
        if (fields) yield { at: `feature ${read}`, fields, geometry: shape && toWgs84(shape, crs) };
      }
    } catch (error) {
      if (!(error instanceof ShapefileError)) throw error;
      problems.add({ path: 'file', message: `${error.message} (feature ${read})` });
    }
  }
  return { file, records: records(), columnsKnown: () => true };
}

/**
 * Opens a file for import: its format from the name (or the first bytes), its encoding, its CRS, and its columns, read
 * from as few records as tell them; the records follow one at a time. A file that cannot be read at all has a `file`
 * or `encoding` problem and no records. `mapping` (field → column) names CSV's position columns when their headers
 * are not the usual ones.
 */
export async function openSourceFile(source: ByteSource, options: SourceOptions, problems: ImportProblems, mapping: Readonly<Record<string, string>> = {}): Promise<SourceFile> {
  const format = detectFormat(options.fileName, await firstBytes(source));
  let reading: Reading;
  if (format === 'shapefile') reading = await readShapefile(source, options, problems);
  else if (format === 'geojson') reading = readGeoJson(source, options.crs, problems);
  else {
    reading = readCsv(source, await csvEncoding(source, options.encoding), options, mapping, problems);
  }
  // Records read to learn the columns are handed on first, then the rest as they are read.
  const early: SourceRecord[] = [];
  let next = await reading.records.next();
  while (!next.done) {
    early.push(next.value);
    if (reading.columnsKnown()) break;
    next = await reading.records.next();
  }
  const rest = next.done ? null : reading.records;
  reading.file.records = (async function* () {
    yield* early.splice(0);
    if (rest) yield* rest;
  })();
  return reading.file;
}
