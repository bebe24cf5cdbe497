import { kinks } from '@turf/turf';
import { creditCodeProblem } from '../../domain/credit-code.js';
import type { InputIssue } from '../../domain/errors.js';
import { categoryOf, platformInstant } from '../../domain/platform-csv.js';
import {
  clueKinds,
  clueSources,
  institutionCategories,
  institutionNatures,
  institutionStatuses,
  suspectedTypes,
  type ClueKind,
  type ClueSource,
  type InstitutionCategory,
  type InstitutionNature,
  type InstitutionStatus,
  type SuspectedType,
} from '../../domain/vocabulary.js';
import type { Geometry } from '../geometry.js';
import { LAYER_FIELDS, POSITION_FIELDS, REQUIRED_FIELDS as REQUIRED, type ImportLayer } from '../../domain/import-vocabulary.js';
import type { ImportProblems } from './problems.js';
import { findColumn, type SourceFile, type SourceRecord } from './source.js';

export { importLayers, LAYER_FIELDS, type ImportLayer } from '../../domain/import-vocabulary.js';

// What each layer's import needs from a record: its fields found by the API's names or their usual Chinese headers
// (or mapped by hand), checked one by one, so the report names every problem by record and field before anything is
// written. Checks that need the database (inside Shanghai, already stored) come after, in the service.

/** Statuses by their Chinese names, as registries write them. */
const STATUS_NAMES: Readonly<Record<string, InstitutionStatus>> = { 持证: 'licensed', 已登记: 'registered', 无证无照: 'unlicensed', 停业整顿: 'suspended', 已吊销: 'revoked' };
const KIND_NAMES: Readonly<Record<string, ClueKind>> = { 紧急: 'urgent', 咨询: 'consultation', 投诉: 'complaint' };

interface Located {
  /** Where the record is in the file ("line 3", "feature 3"). */
  at: string;
}
export interface InstitutionImportRow extends Located {
  name: string;
  creditCode: string | null;
  licenceNo: string | null;
  category: InstitutionCategory;
  nature: InstitutionNature;
  status: InstitutionStatus;
  address: string;
  position: [number, number];
}
export interface ClueImportRow extends Located {
  reportedAt: Date;
  address: string;
  description: string;
  suspectedType: SuspectedType;
  source: ClueSource;
  kind: ClueKind;
  externalId: string | null;
  position: [number, number];
}
export interface GridCellImportRow extends Located {
  code: string;
  workerName: string;
  streetCode: string | null;
  geometry: Extract<Geometry, { type: 'Polygon' | 'MultiPolygon' }>;
}
/** Which column holds each field: mapped by hand (field → column name) or found by its headers. */
export function layerColumns(layer: ImportLayer, columns: readonly string[], mapping: Readonly<Record<string, string>>): { columns: Record<string, string>; problems: InputIssue[] } {
  const fields = LAYER_FIELDS[layer];
  const problems: InputIssue[] = [];
  for (const field of Object.keys(mapping))
    if (!(field in fields) && !(POSITION_FIELDS as readonly string[]).includes(field)) problems.push({ path: `map.${field}`, message: `${layer} have no field ${field} (fields: ${[...Object.keys(fields), ...POSITION_FIELDS].join(', ')})` });
  const found: Record<string, string> = {};
  for (const [field, headers] of Object.entries(fields)) {
    const column = findColumn(columns, headers, mapping[field]);
    if (column !== undefined) found[field] = column;
    else if (mapping[field] !== undefined) problems.push({ path: `map.${field}`, message: `the file has no column ${JSON.stringify(mapping[field])}` });
  }
  for (const field of REQUIRED[layer])
    if (found[field] === undefined && mapping[field] === undefined)
      problems.push({ path: `header.${field}`, message: `no column for ${field} (headers looked for: ${fields[field].join(', ')}); map it with --map ${field}=<column>` });
  return { columns: found, problems };
}

type Cell = (field: string) => string;

function pointOf(record: SourceRecord, problems: InputIssue[]): [number, number] | null {
  const g = record.geometry;
  if (!g) problems.push({ path: `${record.at}.geometry`, message: 'no position: longitude/latitude (经度/纬度) or a Point geometry' });
  else if (g.type !== 'Point') problems.push({ path: `${record.at}.geometry`, message: `a ${g.type}, not a Point` });
  else return [g.coordinates[0], g.coordinates[1]];
  return null;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], names: Readonly<Record<string, T>> = {}): T | null {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  return names[value] ?? null;
}

function institutionRow(record: SourceRecord, cell: Cell, problems: InputIssue[]): InstitutionImportRow | null {
  const at = (field: string) => `${record.at}.${field}`;
  const category = oneOf(cell('category'), institutionCategories);
  const nature = oneOf(cell('nature'), institutionNatures);
  const status = oneOf(cell('status'), institutionStatuses, STATUS_NAMES);
  if (cell('category') && !category) problems.push({ path: at('category'), message: `${JSON.stringify(cell('category'))} is not one of ${institutionCategories.join(', ')}` });
  if (cell('nature') && !nature) problems.push({ path: at('nature'), message: `${JSON.stringify(cell('nature'))} is not one of ${institutionNatures.join(', ')}` });
  if (cell('status') && !status)
    problems.push({ path: at('status'), message: `${JSON.stringify(cell('status'))} is not one of ${Object.keys(STATUS_NAMES).join(', ')} (or ${institutionStatuses.join(', ')})` });
  const creditCode = cell('creditCode').toUpperCase() || null;
  const codeProblem = creditCode && creditCodeProblem(creditCode);
  if (codeProblem) problems.push({ path: at('creditCode'), message: `${creditCode}: ${codeProblem}` });
  if (cell('name').length > 200) problems.push({ path: at('name'), message: 'longer than 200 characters' });
  const position = pointOf(record, problems);
  if (!category || !nature || !status || !position || codeProblem) return null;
  return { at: record.at, name: cell('name'), creditCode, licenceNo: cell('licenceNo') || null, category, nature, status, address: cell('address'), position };
}

function clueRow(record: SourceRecord, cell: Cell, problems: InputIssue[], now: Date): ClueImportRow | null {
  const at = (field: string) => `${record.at}.${field}`;
  const reportedAt = cell('reportedAt') ? platformInstant(cell('reportedAt')) : null;
  if (cell('reportedAt') && !reportedAt) problems.push({ path: at('reportedAt'), message: `not a time: ${JSON.stringify(cell('reportedAt'))} (2026-10-03 14:22, Shanghai time)` });
  else if (reportedAt && reportedAt.getTime() > now.getTime()) problems.push({ path: at('reportedAt'), message: 'in the future' });
  const source = cell('source') ? oneOf(cell('source'), clueSources) : 'transfer';
  if (!source) problems.push({ path: at('source'), message: `${JSON.stringify(cell('source'))} is not one of ${clueSources.join(', ')}` });
  const kind = cell('kind') ? oneOf(cell('kind'), clueKinds, KIND_NAMES) : 'complaint';
  if (!kind) problems.push({ path: at('kind'), message: `${JSON.stringify(cell('kind'))} is not one of ${clueKinds.join(', ')} (紧急, 咨询, 投诉)` });
  // An English value is taken as it is; Chinese words are read as the platform import reads its complaint types.
  const suspectedType = oneOf(cell('suspectedType'), suspectedTypes) ?? categoryOf(`${cell('suspectedType')} ${cell('description')}`);
  if (cell('description').length > 4000) problems.push({ path: at('description'), message: 'longer than 4,000 characters' });
  const position = pointOf(record, problems);
  if (!reportedAt || reportedAt.getTime() > now.getTime() || !source || !kind || !position) return null;
  return { at: record.at, reportedAt, address: cell('address'), description: cell('description'), suspectedType, source, kind, externalId: cell('externalId') || null, position };
}

function gridCellRow(record: SourceRecord, cell: Cell, problems: InputIssue[]): GridCellImportRow | null {
  const g = record.geometry;
  if (!g) {
    problems.push({ path: `${record.at}.geometry`, message: 'no polygon' });
    return null;
  }
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
    problems.push({ path: `${record.at}.geometry`, message: `a ${g.type}, not a Polygon or MultiPolygon` });
    return null;
  }
  const openRing = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat().find((ring) => ring.length < 4 || ring[0][0] !== ring[ring.length - 1][0] || ring[0][1] !== ring[ring.length - 1][1]);
  if (openRing) {
    problems.push({ path: `${record.at}.geometry`, message: 'a ring is not closed or has fewer than four positions' });
    return null;
  }
  const crossings = kinks({ type: 'Feature', properties: {}, geometry: g as never }).features;
  if (crossings.length) {
    const [x, y] = crossings[0].geometry.coordinates;
    problems.push({ path: `${record.at}.geometry`, message: `self-intersecting: the boundary crosses itself at ${x.toFixed(6)},${y.toFixed(6)}` });
    return null;
  }
  return { at: record.at, code: cell('code'), workerName: cell('workerName'), streetCode: cell('streetCode') || null, geometry: g };
}

/** One batch of a layer's rows: those of its records that had no problem of their own. */
export type LayerRows = { layer: 'institutions'; rows: InstitutionImportRow[] } | { layer: 'clues'; rows: ClueImportRow[] } | { layer: 'grid-cells'; rows: GridCellImportRow[] };

export interface LayerReading {
  /** The column each field is read from. */
  columns: Record<string, string>;
  /** The rows, a batch at a time as the records are read; nothing when the file or its header cannot be used. */
  batches: AsyncIterable<LayerRows>;
  /** Records read so far. */
  records(): number;
}

/**
 * The file's records as rows of the layer, a batch at a time, with every problem the file shows by itself added as it
 * is found (the database's checks come after, batch by batch, in the service). What is kept from batch to batch is
 * each record's key, to find a duplicate anywhere in the file.
 */
export function readLayer(
  layer: ImportLayer,
  file: SourceFile,
  problems: ImportProblems,
  options: { now: Date; mapping?: Readonly<Record<string, string>>; batchSize: number },
): LayerReading {
  let records = 0;
  const none: LayerReading = { columns: {}, batches: (async function* () {})(), records: () => records };
  // A file that cannot be read at all has nothing more to say.
  if (problems.unreadable()) return none;
  const found = layerColumns(layer, file.columns, options.mapping ?? {});
  for (const problem of found.problems) problems.add(problem);
  const columns = found.columns;
  if (found.problems.length) return { ...none, columns };
  const uniqueField = layer === 'institutions' ? 'creditCode' : layer === 'clues' ? 'externalId' : 'code';
  const seen = new Map<string, string>();
  const rowOf = (record: SourceRecord) => {
    const cell: Cell = (field) => (columns[field] === undefined ? '' : (record.fields[columns[field]] ?? '').trim());
    const rowProblems: InputIssue[] = [];
    for (const field of REQUIRED[layer]) if (cell(field) === '') rowProblems.push({ path: `${record.at}.${field}`, message: 'empty' });
    const key = layer === 'institutions' ? cell(uniqueField).toUpperCase() : cell(uniqueField);
    if (key && seen.has(key)) rowProblems.push({ path: `${record.at}.${uniqueField}`, message: `${key} also at ${seen.get(key)} of the file` });
    else if (key) seen.set(key, record.at);
    const row =
      layer === 'institutions' ? institutionRow(record, cell, rowProblems) : layer === 'clues' ? clueRow(record, cell, rowProblems, options.now) : gridCellRow(record, cell, rowProblems);
    for (const problem of rowProblems) problems.add(problem);
    return row && rowProblems.length === 0 ? row : null;
  };
  async function* batches(): AsyncGenerator<LayerRows> {
    let rows: unknown[] = [];
    let inBatch = 0;
    for await (const record of file.records) {
      records++;
      inBatch++;
      const row = rowOf(record);
      if (row) rows.push(row);
      if (inBatch === options.batchSize) {
        yield { layer, rows } as LayerRows;
        rows = [];
        inBatch = 0;
      }
    }
    if (inBatch) yield { layer, rows } as LayerRows;
    if (records === 0 && !problems.listed.some((p) => p.path === 'file')) problems.add({ path: 'file', message: 'no records' });
  }
  return { columns, batches: batches(), records: () => records };
}
