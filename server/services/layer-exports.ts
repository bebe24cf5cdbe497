// A map layer with its filter as a file (docs/interop.md#exports). The rows are read through the layer's own service,
// so an export holds exactly what the map shows the same account for the same filter: the same scope, the same
// filters, the same 403 for another district. Every file that leaves is recorded in the audit log with its row count.
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { geoPackageFile } from '../../db/queries/geopackage.js';
import type { UserRow } from '../../db/queries/users.js';
import { exportContentTypes, MAX_EXPORT_ROWS, type ExportFormat, type ExportLayer, type ExportQuery } from '../contract/exports.js';
import { maxPageLimit } from '../contract/params.js';
import { shanghaiDistrict } from '../domain/districts.js';
import { SHANGHAI_UTC_OFFSET_MS } from '../domain/time.js';
import {
  contentDisposition,
  csvHeader,
  csvRow,
  exportNames,
  geoJsonClosing,
  geoJsonFeature,
  geoJsonOpening,
  gpkgTable,
  layerSpecs,
  shapefileParts,
  zipStored,
  type ExportFeature,
} from '../interop/index.js';
import { audited } from './audit.js';
import { listClues } from './clues.js';
import type { Deps } from './deps.js';
import { unprocessable } from './errors.js';
import { districtLayer, gridCellLayer, streetLayer } from './geography.js';
import { listInstitutions } from './institutions.js';

type ExportDeps = Pick<Deps, 'database' | 'now'> & {
  /** Most rows in one file; MAX_EXPORT_ROWS unless a test asks for a smaller one. */
  maxExportRows?: number;
};

const rowCap = (deps: ExportDeps) => deps.maxExportRows ?? MAX_EXPORT_ROWS;

interface Page {
  features: ExportFeature[];
  nextCursor?: string | null;
}

const parsePage = (text: string) => JSON.parse(text) as Page;

/** Walks the keyset pages of a paged layer; refuses, before any file is made, a filter with more rows than a file holds. */
async function allPages(maxRows: number, readPage: (cursor: number | undefined, limit: number) => Promise<string>): Promise<ExportFeature[]> {
  const features: ExportFeature[] = [];
  let cursor: number | undefined;
  for (;;) {
    const page = parsePage(await readPage(cursor, Math.min(maxPageLimit, maxRows + 1)));
    features.push(...page.features);
    if (features.length > maxRows) throw tooManyRows(maxRows);
    if (!page.nextCursor) return features;
    cursor = Number(page.nextCursor);
  }
}

const tooManyRows = (maxRows: number) =>
  unprocessable('bbox', `the filter holds more than ${maxRows} rows; narrow the area, the period or the district`, { maxRows });

type LayerReader<L extends ExportLayer> = (deps: ExportDeps, user: UserRow, query: ExportQuery<L>) => Promise<ExportFeature[]>;

// Paging belongs to the layer's endpoint (limit, cursor are dropped): a file holds every row of the filter.
const layerReaders: { [L in ExportLayer]: LayerReader<L> } = {
  institutions: (deps, user, { limit: _l, cursor: _c, ...filter }) => allPages(rowCap(deps), (cursor, limit) => listInstitutions(deps, user, { ...filter, cursor, limit })),
  clues: (deps, user, { limit: _l, cursor: _c, ...filter }) => allPages(rowCap(deps), (cursor, limit) => listClues(deps, user, { ...filter, cursor, limit })),
  'grid-cells': async (deps, user, filter) => parsePage(await gridCellLayer(deps, user, filter)).features,
  streets: async (deps, user, filter) => parsePage(await streetLayer(deps, user, filter)).features,
  districts: async (deps, user) => parsePage(await districtLayer(deps, user)).features,
};

async function readLayer<L extends ExportLayer>(deps: ExportDeps, user: UserRow, layer: L, query: ExportQuery<L>): Promise<ExportFeature[]> {
  const reader: LayerReader<L> = layerReaders[layer];
  const features = await reader(deps, user, query);
  if (features.length > rowCap(deps)) throw tooManyRows(rowCap(deps));
  return features;
}

let sqlJs: Promise<SqlJsStatic> | undefined;
/** SQLite in WebAssembly, loaded on the first GeoPackage and kept. */
const sqlite = () => (sqlJs ??= initSqlJs());

export interface LayerExportFile {
  contentType: string;
  contentDisposition: string;
  /** GeoJSON and CSV stream in chunks; a shapefile's zip and a GeoPackage are whole files by their nature. */
  body: ReadableStream<Uint8Array> | Uint8Array<ArrayBuffer>;
  rows: number;
}

const ownBuffer = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);

/** Features per chunk of a streamed text file: the text of the whole layer is never held at once. */
const TEXT_CHUNK_FEATURES = 1000;

function textStream(pieces: () => Generator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const source = pieces();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = source.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
}

function* chunked(head: string, features: readonly ExportFeature[], piece: (f: ExportFeature, i: number) => string, tail: string): Generator<string> {
  yield head;
  for (let start = 0; start < features.length; start += TEXT_CHUNK_FEATURES)
    yield features
      .slice(start, start + TEXT_CHUNK_FEATURES)
      .map((f, i) => piece(f, start + i))
      .join('');
  if (tail) yield tail;
}

async function encode(layer: ExportLayer, format: ExportFormat, features: ExportFeature[], now: Date): Promise<ReadableStream<Uint8Array> | Uint8Array<ArrayBuffer>> {
  if (format === 'geojson') return textStream(() => chunked(geoJsonOpening(layer), features, (f, i) => geoJsonFeature(layer, f, i === 0), geoJsonClosing));
  if (format === 'csv') return textStream(() => chunked(csvHeader(layer), features, (f) => csvRow(layer, f), ''));
  if (format === 'gpkg') return ownBuffer(geoPackageFile(await sqlite(), { ...gpkgTable(layer, features), changedAt: now }));
  const parts = shapefileParts(layer, features, now);
  const base = layerSpecs[layer].table;
  const text = new TextEncoder();
  return ownBuffer(
    zipStored(
      [
        { name: `${base}.shp`, data: parts.shp },
        { name: `${base}.shx`, data: parts.shx },
        { name: `${base}.dbf`, data: parts.dbf },
        { name: `${base}.prj`, data: text.encode(parts.prj) },
        { name: `${base}.cpg`, data: text.encode(parts.cpg) },
      ],
      new Date(now.getTime() + SHANGHAI_UTC_OFFSET_MS),
    ),
  );
}

/** The filter as the audit log keeps it: plain JSON values (a bbox as its four numbers, instants as ISO text). */
function auditFilter(filter: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || key === 'limit' || key === 'cursor') continue;
    if (value instanceof Date) out[key] = value.toISOString();
    else if (key === 'bbox' && value && typeof value === 'object') {
      const b = value as { minLon: number; minLat: number; maxLon: number; maxLat: number };
      out[key] = [b.minLon, b.minLat, b.maxLon, b.maxLat];
    } else out[key] = value;
  }
  return out;
}

export async function exportLayer<L extends ExportLayer>(deps: ExportDeps, user: UserRow, layer: L, format: ExportFormat, query: ExportQuery<L>): Promise<LayerExportFile> {
  const features = await readLayer(deps, user, layer, query);
  const now = deps.now();
  const body = await encode(layer, format, features, now);
  const districtCode = (query as { district?: string }).district ?? user.districtCode;
  const district = districtCode ? { code: districtCode, name: shanghaiDistrict(districtCode)?.name ?? districtCode } : null;
  const names = exportNames({ layer, format, district, date: new Date(now.getTime() + SHANGHAI_UTC_OFFSET_MS).toISOString().slice(0, 10) });
  await audited(deps, { actor: user.username, action: 'layer.export', entity: 'map_layer' }, async () => ({
    entityId: layer,
    before: null,
    after: { file: names.ascii, format, filter: auditFilter(query as Record<string, unknown>), scope: user.districtCode, rows: features.length },
    result: null,
  }));
  return { contentType: exportContentTypes[format], contentDisposition: contentDisposition(names), body, rows: features.length };
}
