// Importing a layer's file (institutions, clues or grid cells) from GeoJSON, CSV or a zipped Shapefile: read and
// checked by the pure readers (server/interop/import) a batch at a time, each batch placed in PostGIS (inside Shanghai,
// its district and grid cell), compared with what is stored and written, all in one transaction with one audit entry:
// every row or none. Memory stays bounded whatever the file's size: one batch of rows, the file's keys (to find its
// duplicates) and the first thousand problems.
import type { Database } from '../../db/client.js';
import {
  insertClues,
  insertGridCells,
  insertInstitutions,
  placePoints,
  placePolygons,
  storedClueExternalIds,
  storedCreditCodes,
  storedGridCellCodes,
  streetDistricts,
} from '../../db/queries/layer-import.js';
import type { Queryable } from '../../db/queries/queryable.js';
import type { UserRow } from '../../db/queries/users.js';
import type { LayerImportQueryValues } from '../contract/layer-imports.js';
import { requireAdmin } from './access.js';
import { forbidden, unprocessable } from './errors.js';
import type { Clock } from '../domain/clock.js';
import type { Encoding } from '../domain/platform-csv.js';
import type { WorkCalendar } from '../domain/calendar.js';
import type { InputIssue } from '../domain/errors.js';
import { readLayer, type ClueImportRow, type GridCellImportRow, type ImportLayer, type InstitutionImportRow, type LayerRows } from '../interop/import/layers.js';
import { ImportProblems } from '../interop/import/problems.js';
import { bytesSource, openSourceFile, type ByteSource, type ImportCrs, type ImportFormat } from '../interop/import/source.js';
import { audited } from './audit.js';
import { workCalendar, type CalendarCache } from './calendar.js';
import { deadlineOf } from './clue-loop.js';

/** Records per batch (and rows per statement): large enough that 100,000 rows take fifty round trips, small enough to stay a few MB. */
export const IMPORT_BATCH = 2_000;

export interface LayerImportOptions {
  layer: ImportLayer;
  fileName: string;
  encoding?: Encoding | 'auto';
  crs?: ImportCrs;
  /** field → column, for files whose headers are not the usual ones. */
  mapping?: Readonly<Record<string, string>>;
  dryRun: boolean;
}

export interface LayerImportReport {
  layer: ImportLayer;
  file: string;
  format: ImportFormat;
  encoding: Encoding | null;
  crs: ImportCrs;
  notes: string[];
  dryRun: boolean;
  /** Written (false on a dry run and on a refusal). */
  committed: boolean;
  records: number;
  /** Rows written, or that a dry run found ready to write. */
  imported: number;
  /** The file's columns (attributes), and the column each field was read from. */
  columns: string[];
  fields: Record<string, string>;
  /** The first MAX_LISTED_PROBLEMS problems, in file order; `problemCount` counts them all. */
  problems: InputIssue[];
  problemCount: number;
}

/** Storing while every record so far is good; checking on a dry run, and on to the end after the first problem for a full report. */
export type ImportStage = 'checking' | 'storing';
/** `fraction` of the file read, `records` so far. */
export type ImportProgress = (stage: ImportStage, fraction: number, records: number) => void;

export interface LayerImportDeps {
  database: Database;
  now: Clock;
  calendar: CalendarCache;
}

class Refused extends Error {}

/** The rows written: how many, and the lowest and highest id, for the audit entry (ids of a large import are too many to list). */
class WrittenIds {
  count = 0;
  firstId: number | null = null;
  lastId: number | null = null;

  add(ids: readonly number[]): void {
    for (const id of ids) {
      this.count++;
      if (this.firstId === null || id < this.firstId) this.firstId = id;
      if (this.lastId === null || id > this.lastId) this.lastId = id;
    }
  }
}

interface Placed<R> {
  row: R;
  districtCode: string;
  gridCellId: number | null;
  streetCode?: string;
}

const outside = (at: string) => ({ path: `${at}.geometry`, message: 'outside Shanghai: in none of its districts' });

async function checkPoints<R extends InstitutionImportRow | ClueImportRow>(q: Queryable, rows: readonly R[], problems: ImportProblems): Promise<Placed<R>[]> {
  const placed: Placed<R>[] = [];
  const places = await placePoints(q, rows.map((r, i) => ({ i, lon: r.position[0], lat: r.position[1] })));
  for (const place of places) {
    const row = rows[place.i];
    if (place.districtCode === null) problems.add(outside(row.at));
    else placed.push({ row, districtCode: place.districtCode, gridCellId: place.gridCellId });
  }
  return placed;
}

async function checkInstitutions(q: Queryable, rows: readonly InstitutionImportRow[], problems: ImportProblems) {
  const coded = rows.filter((r) => r.creditCode);
  const stored = await storedCreditCodes(q, coded.map((r) => r.creditCode!));
  for (const r of coded) if (stored.has(r.creditCode!)) problems.add({ path: `${r.at}.creditCode`, message: `${r.creditCode} is already an institution's code` });
  return checkPoints(q, rows, problems);
}

async function checkClues(q: Queryable, rows: readonly ClueImportRow[], problems: ImportProblems) {
  const numbered = rows.filter((r) => r.externalId);
  const stored = await storedClueExternalIds(q, numbered.map((r) => ({ source: r.source, externalId: r.externalId! })));
  for (const r of numbered) if (stored.has(`${r.source}|${r.externalId}`)) problems.add({ path: `${r.at}.externalId`, message: `${r.externalId} (${r.source}) was imported before` });
  return checkPoints(q, rows, problems);
}

async function checkGridCells(q: Queryable, rows: readonly GridCellImportRow[], problems: ImportProblems): Promise<Placed<GridCellImportRow>[]> {
  const placed: Placed<GridCellImportRow>[] = [];
  const taken = await storedGridCellCodes(q, rows.map((r) => r.code));
  const named = await streetDistricts(q, [...new Set(rows.flatMap((r) => (r.streetCode ? [r.streetCode] : [])))]);
  const places = await placePolygons(q, rows.map((r, i) => ({ i, geometry: r.geometry })));
  for (const place of places) {
    const row = rows[place.i];
    const at = (field: string) => `${row.at}.${field}`;
    const before = problems.count;
    if (taken.has(row.code)) problems.add({ path: at('code'), message: `grid cell ${row.code} exists` });
    if (!place.valid) problems.add({ path: at('geometry'), message: `invalid geometry: ${place.reason}` });
    else if (!place.districtCode || !place.inside) problems.add(place.districtCode ? { path: at('geometry'), message: 'reaches outside Shanghai (the districts’ union)' } : outside(row.at));
    const streetCode = row.streetCode ?? place.streetCode;
    if (row.streetCode && !named.has(row.streetCode)) problems.add({ path: at('streetCode'), message: `no street ${row.streetCode}` });
    else if (row.streetCode && place.districtCode && named.get(row.streetCode) !== place.districtCode)
      problems.add({ path: at('streetCode'), message: `street ${row.streetCode} is in district ${named.get(row.streetCode)}, the cell in ${place.districtCode}` });
    else if (!streetCode && place.districtCode) problems.add({ path: at('streetCode'), message: 'in no street (街镇): name it with a streetCode column' });
    if (problems.count === before && place.districtCode && streetCode) placed.push({ row, districtCode: place.districtCode, gridCellId: null, streetCode });
  }
  return placed;
}

type PlacedRows =
  | { layer: 'institutions'; placed: Placed<InstitutionImportRow>[] }
  | { layer: 'clues'; placed: Placed<ClueImportRow>[] }
  | { layer: 'grid-cells'; placed: Placed<GridCellImportRow>[] };

/** One batch's checks against the database: its placed rows, its problems added. */
async function checkBatch(q: Queryable, rows: LayerRows, problems: ImportProblems): Promise<PlacedRows> {
  if (rows.layer === 'institutions') return { layer: rows.layer, placed: await checkInstitutions(q, rows.rows, problems) };
  if (rows.layer === 'clues') return { layer: rows.layer, placed: await checkClues(q, rows.rows, problems) };
  return { layer: rows.layer, placed: await checkGridCells(q, rows.rows, problems) };
}

/** Inserts one batch of placed rows; answers their ids. */
function storeBatch(tx: Queryable, calendar: WorkCalendar | null, rows: PlacedRows): Promise<number[]> {
  switch (rows.layer) {
    case 'institutions':
      return insertInstitutions(tx, rows.placed.map(({ row: r, districtCode, gridCellId }) => ({
        name: r.name, creditCode: r.creditCode, licenceNo: r.licenceNo, category: r.category, nature: r.nature, status: r.status,
        address: r.address, lon: r.position[0], lat: r.position[1], districtCode, gridCellId,
      })));
    case 'clues':
      return insertClues(tx, rows.placed.map(({ row: r, districtCode, gridCellId }) => ({
        source: r.source, reportedAt: r.reportedAt, lon: r.position[0], lat: r.position[1], address: r.address, description: r.description,
        suspectedType: r.suspectedType, kind: r.kind, externalId: r.externalId, districtCode, gridCellId, dueAt: deadlineOf(calendar!, r.kind, r.reportedAt),
      })));
    case 'grid-cells':
      return insertGridCells(tx, rows.placed.map(({ row: r, districtCode, streetCode }) => ({ code: r.code, workerName: r.workerName, districtCode, streetCode: streetCode!, geometry: r.geometry })));
  }
}

/**
 * Reads, checks and (unless it is a dry run or a record has a problem) writes a file in one pass, a batch at a time,
 * inside one transaction with one audit entry (`layer.import`, the counts in it). After the first problem nothing more
 * is stored but the reading and checking go on, so that a refusal's report names every problem; then the transaction
 * is rolled back and nothing is written.
 */
export async function importLayerFile(deps: LayerImportDeps, actor: string, input: Uint8Array | ByteSource, options: LayerImportOptions, onProgress?: ImportProgress): Promise<LayerImportReport> {
  const problems = new ImportProblems();
  const file = await openSourceFile(input instanceof Uint8Array ? bytesSource(input) : input, { fileName: options.fileName, encoding: options.encoding, crs: options.crs }, problems, options.mapping);
  const layer = readLayer(options.layer, file, problems, { now: deps.now(), mapping: options.mapping, batchSize: IMPORT_BATCH });
  const written = new WrittenIds();
  let ready = 0;
  const report = (committed: boolean): LayerImportReport => ({
    layer: options.layer,
    file: options.fileName,
    format: file.format,
    encoding: file.encoding,
    crs: file.crs,
    notes: file.notes,
    dryRun: options.dryRun,
    committed,
    records: layer.records(),
    imported: committed ? written.count : problems.count ? 0 : ready,
    columns: file.columns,
    fields: layer.columns,
    problems: problems.inFileOrder(),
    problemCount: problems.count,
  });
  const pass = async (q: Queryable, store: ((rows: PlacedRows) => Promise<number[]>) | null) => {
    const stage = (): ImportStage => (store && problems.count === 0 ? 'storing' : 'checking');
    onProgress?.(stage(), 0, 0);
    for await (const rows of layer.batches) {
      const placed = rows.rows.length ? await checkBatch(q, rows, problems) : null;
      ready += placed?.placed.length ?? 0;
      if (store && placed && problems.count === 0) written.add(await store(placed));
      onProgress?.(stage(), file.progress(), layer.records());
    }
    onProgress?.(stage(), 1, layer.records());
  };
  if (options.dryRun || problems.count) {
    await pass(deps.database, null);
    return report(false);
  }
  // Loaded before the transaction: PGlite has one connection, which the transaction holds.
  const calendar = options.layer === 'clues' ? await workCalendar(deps) : null;
  try {
    await audited(deps, { actor, action: 'layer.import', entity: 'layer_import' }, async (tx) => {
      await pass(tx, (rows) => storeBatch(tx, calendar, rows));
      if (problems.count) throw new Refused();
      return {
        entityId: options.layer,
        before: null,
        after: { file: options.fileName, format: file.format, encoding: file.encoding, crs: file.crs, records: layer.records(), imported: written.count, firstId: written.firstId, lastId: written.lastId },
        result: written.count,
      };
    });
    return report(true);
  } catch (error) {
    if (error instanceof Refused) return report(false);
    throw error;
  }
}

/**
 * The upload page's import: a city-wide administrator's alone, since the rows land in whichever district their
 * position is in. Answers the report whether it wrote or refused (`committed` says which), as the CLI does.
 */
export async function importLayerUpload(deps: LayerImportDeps, user: UserRow, bytes: Uint8Array, query: LayerImportQueryValues): Promise<LayerImportReport> {
  requireAdmin(user, 'import a layer');
  if (user.districtCode !== null) throw forbidden(`layers are imported by a city-wide administrator; this account is bound to district ${user.districtCode}`);
  if (bytes.byteLength === 0) throw unprocessable('file', 'empty: choose a GeoJSON, CSV or zipped Shapefile');
  return importLayerFile(deps, user.username, bytes, {
    layer: query.layer,
    fileName: query.fileName,
    encoding: query.encoding,
    crs: query.crs,
    mapping: query.mapping,
    dryRun: query.dryRun,
  });
}
