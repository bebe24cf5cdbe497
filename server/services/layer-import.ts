// Importing a layer's file (institutions, clues or grid cells) from GeoJSON, CSV or a zipped Shapefile: read and
// checked by the pure readers (server/interop/import), then placed in PostGIS (inside Shanghai, its district and grid
// cell), compared with what is stored, and written in one transaction with one audit entry: every row or none.
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
import type { InputIssue } from '../domain/errors.js';
import type { Encoding } from '../domain/platform-csv.js';
import type { WorkCalendar } from '../domain/calendar.js';
import { inFileOrder, layerRows, type ClueImportRow, type GridCellImportRow, type ImportLayer, type InstitutionImportRow, type LayerRows } from '../interop/import/layers.js';
import { readSourceFile, type ImportCrs, type ImportFormat } from '../interop/import/source.js';
import { audited } from './audit.js';
import { workCalendar, type CalendarCache } from './calendar.js';
import { deadlineOf } from './clue-loop.js';

/** Rows per statement: large enough that 100,000 rows take a hundred round trips, small enough to stay a few MB. */
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
  problems: InputIssue[];
}

export type ImportStage = 'checking' | 'storing';
export type ImportProgress = (stage: ImportStage, done: number, total: number) => void;

export interface LayerImportDeps {
  database: Database;
  now: Clock;
  calendar: CalendarCache;
}

class Refused extends Error {
  constructor(readonly problems: InputIssue[]) {
    super(`${problems.length} problem(s)`);
  }
}

/** The lowest and highest id written, for the audit entry (ids of a large import are too many to list). */
function idRange(ids: readonly number[]): { firstId: number | null; lastId: number | null } {
  let firstId: number | null = null;
  let lastId: number | null = null;
  for (const id of ids) {
    if (firstId === null || id < firstId) firstId = id;
    if (lastId === null || id > lastId) lastId = id;
  }
  return { firstId, lastId };
}

function batches<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += IMPORT_BATCH) out.push(rows.slice(i, i + IMPORT_BATCH));
  return out;
}

interface Placed<R> {
  row: R;
  districtCode: string;
  gridCellId: number | null;
  streetCode?: string;
}

const outside = (at: string) => ({ path: `${at}.geometry`, message: 'outside Shanghai: in none of its districts' });

async function checkPoints<R extends InstitutionImportRow | ClueImportRow>(q: Queryable, rows: readonly R[], problems: InputIssue[], progress: (n: number) => void): Promise<Placed<R>[]> {
  const placed: Placed<R>[] = [];
  for (const batch of batches(rows)) {
    const places = await placePoints(q, batch.map((r, i) => ({ i, lon: r.position[0], lat: r.position[1] })));
    for (const place of places) {
      const row = batch[place.i];
      if (place.districtCode === null) problems.push(outside(row.at));
      else placed.push({ row, districtCode: place.districtCode, gridCellId: place.gridCellId });
    }
    progress(batch.length);
  }
  return placed;
}

async function checkInstitutions(q: Queryable, rows: readonly InstitutionImportRow[], problems: InputIssue[], progress: (n: number) => void) {
  for (const batch of batches(rows.filter((r) => r.creditCode))) {
    const stored = await storedCreditCodes(q, batch.map((r) => r.creditCode!));
    for (const r of batch) if (stored.has(r.creditCode!)) problems.push({ path: `${r.at}.creditCode`, message: `${r.creditCode} is already an institution's code` });
  }
  return checkPoints(q, rows, problems, progress);
}

async function checkClues(q: Queryable, rows: readonly ClueImportRow[], problems: InputIssue[], progress: (n: number) => void) {
  for (const batch of batches(rows.filter((r) => r.externalId))) {
    const stored = await storedClueExternalIds(q, batch.map((r) => ({ source: r.source, externalId: r.externalId! })));
    for (const r of batch) if (stored.has(`${r.source}|${r.externalId}`)) problems.push({ path: `${r.at}.externalId`, message: `${r.externalId} (${r.source}) was imported before` });
  }
  return checkPoints(q, rows, problems, progress);
}

async function checkGridCells(q: Queryable, rows: readonly GridCellImportRow[], problems: InputIssue[], progress: (n: number) => void): Promise<Placed<GridCellImportRow>[]> {
  const placed: Placed<GridCellImportRow>[] = [];
  for (const batch of batches(rows)) {
    const taken = await storedGridCellCodes(q, batch.map((r) => r.code));
    const named = await streetDistricts(q, [...new Set(batch.flatMap((r) => (r.streetCode ? [r.streetCode] : [])))]);
    const places = await placePolygons(q, batch.map((r, i) => ({ i, geometry: r.geometry })));
    for (const place of places) {
      const row = batch[place.i];
      const at = (field: string) => `${row.at}.${field}`;
      const before = problems.length;
      if (taken.has(row.code)) problems.push({ path: at('code'), message: `grid cell ${row.code} exists` });
      if (!place.valid) problems.push({ path: at('geometry'), message: `invalid geometry: ${place.reason}` });
      else if (!place.districtCode || !place.inside) problems.push(place.districtCode ? { path: at('geometry'), message: 'reaches outside Shanghai (the districts’ union)' } : outside(row.at));
      const streetCode = row.streetCode ?? place.streetCode;
      if (row.streetCode && !named.has(row.streetCode)) problems.push({ path: at('streetCode'), message: `no street ${row.streetCode}` });
      else if (row.streetCode && place.districtCode && named.get(row.streetCode) !== place.districtCode)
        problems.push({ path: at('streetCode'), message: `street ${row.streetCode} is in district ${named.get(row.streetCode)}, the cell in ${place.districtCode}` });
      else if (!streetCode && place.districtCode) problems.push({ path: at('streetCode'), message: 'in no street (街镇): name it with a streetCode column' });
      if (problems.length === before && place.districtCode && streetCode) placed.push({ row, districtCode: place.districtCode, gridCellId: null, streetCode });
    }
    progress(batch.length);
  }
  return placed;
}

type PlacedRows =
  | { layer: 'institutions'; placed: Placed<InstitutionImportRow>[] }
  | { layer: 'clues'; placed: Placed<ClueImportRow>[] }
  | { layer: 'grid-cells'; placed: Placed<GridCellImportRow>[] };

async function checkRows(q: Queryable, rows: LayerRows, problems: InputIssue[], progress: (n: number) => void): Promise<PlacedRows> {
  if (rows.layer === 'institutions') return { layer: rows.layer, placed: await checkInstitutions(q, rows.rows, problems, progress) };
  if (rows.layer === 'clues') return { layer: rows.layer, placed: await checkClues(q, rows.rows, problems, progress) };
  return { layer: rows.layer, placed: await checkGridCells(q, rows.rows, problems, progress) };
}

/** Inserts the placed rows batch by batch; answers their ids. */
async function insertBatches<R>(rows: readonly R[], insert: (batch: R[]) => Promise<number[]>, progress: (n: number) => void): Promise<number[]> {
  const ids: number[] = [];
  for (const batch of batches(rows)) {
    ids.push(...(await insert(batch)));
    progress(batch.length);
  }
  return ids;
}

function store(tx: Queryable, calendar: WorkCalendar | null, rows: PlacedRows, progress: (n: number) => void): Promise<number[]> {
  switch (rows.layer) {
    case 'institutions':
      return insertBatches(rows.placed, (batch) =>
        insertInstitutions(tx, batch.map(({ row: r, districtCode, gridCellId }) => ({
          name: r.name, creditCode: r.creditCode, licenceNo: r.licenceNo, category: r.category, nature: r.nature, status: r.status,
          address: r.address, lon: r.position[0], lat: r.position[1], districtCode, gridCellId,
        }))), progress);
    case 'clues':
      return insertBatches(rows.placed, (batch) =>
        insertClues(tx, batch.map(({ row: r, districtCode, gridCellId }) => ({
          source: r.source, reportedAt: r.reportedAt, lon: r.position[0], lat: r.position[1], address: r.address, description: r.description,
          suspectedType: r.suspectedType, kind: r.kind, externalId: r.externalId, districtCode, gridCellId, dueAt: deadlineOf(calendar!, r.kind, r.reportedAt),
        }))), progress);
    case 'grid-cells':
      return insertBatches(rows.placed, (batch) =>
        insertGridCells(tx, batch.map(({ row: r, districtCode, streetCode }) => ({ code: r.code, workerName: r.workerName, districtCode, streetCode: streetCode!, geometry: r.geometry }))), progress);
  }
}

/**
 * Checks a file and, unless it is a dry run or any record has a problem, writes all its rows in one transaction with
 * one audit entry (`layer.import`, the counts in it). A refusal answers the report with every problem; nothing is written.
 */
export async function importLayerFile(deps: LayerImportDeps, actor: string, bytes: Uint8Array, options: LayerImportOptions, onProgress?: ImportProgress): Promise<LayerImportReport> {
  const file = readSourceFile(bytes, { fileName: options.fileName, encoding: options.encoding, crs: options.crs }, options.mapping);
  const { rows, problems, columns } = layerRows(options.layer, file, { now: deps.now(), mapping: options.mapping });
  const report = (committed: boolean, imported: number, all: InputIssue[]): LayerImportReport => ({
    layer: options.layer,
    file: options.fileName,
    format: file.format,
    encoding: file.encoding,
    crs: file.crs,
    notes: file.notes,
    dryRun: options.dryRun,
    committed,
    records: file.records.length,
    imported,
    columns: file.columns,
    fields: columns,
    problems: inFileOrder(all),
  });
  const counter = (stage: ImportStage, total: number) => {
    let done = 0;
    onProgress?.(stage, 0, total);
    return (n: number) => onProgress?.(stage, (done += n), total);
  };
  if (options.dryRun || problems.length) {
    const { placed } = await checkRows(deps.database, rows, problems, counter('checking', rows.rows.length));
    return report(false, problems.length ? 0 : placed.length, problems);
  }
  // Loaded before the transaction: PGlite has one connection, which the transaction holds.
  const calendar = options.layer === 'clues' ? await workCalendar(deps) : null;
  try {
    const { result } = await audited(deps, { actor, action: 'layer.import', entity: 'layer_import' }, async (tx) => {
      const found: InputIssue[] = [];
      const placed = await checkRows(tx, rows, found, counter('checking', rows.rows.length));
      if (found.length) throw new Refused(found);
      const ids = await store(tx, calendar, placed, counter('storing', placed.placed.length));
      return {
        entityId: options.layer,
        before: null,
        after: { file: options.fileName, format: file.format, encoding: file.encoding, crs: file.crs, records: file.records.length, imported: ids.length, ...idRange(ids) },
        result: ids.length,
      };
    });
    return report(true, result, []);
  } catch (error) {
    if (error instanceof Refused) return report(false, 0, error.problems);
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
