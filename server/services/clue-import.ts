// The national platform's complaints export (docs/clues.md#the-national-platforms-complaints-export) into clues: read
// and checked by readPlatformCsv, then each row placed in PostGIS (its district must be the one the file names, and the
// account's), its complaint number not imported before. A dry run reports; a commit writes every row or none.
import gcoord from 'gcoord';
import type { ClueImportQuery, ClueImportReport } from '../contract/clue-loop.js';
import type { InputIssue } from '../domain/errors.js';
import { maskPhone } from '../domain/clue-privacy.js';
import { readPlatformCsv, type PlatformClue, type PlatformImport } from '../domain/platform-csv.js';
import { insertClue, placePoint, type PointPlacement } from '../../db/queries/clue-writes.js';
import { storedExternalIds } from '../../db/queries/clue-loop.js';
import type { Queryable } from '../../db/queries/queryable.js';
import type { UserRow } from '../../db/queries/users.js';
import { isAdmin, requireWriter, scopeOf } from './access.js';
import { audited } from './audit.js';
import { workCalendar } from './calendar.js';
import { deadlineOf, type ClueLoopDeps } from './clue-loop.js';
import { ServiceError } from './errors.js';

interface PlacedRow {
  row: PlatformClue;
  lonLat: [number, number];
  place: PointPlacement;
}

/** The file's rows placed and checked against the database: every problem by line and field. */
async function placeRows(q: Queryable, user: UserRow, rows: readonly PlatformClue[]): Promise<{ placed: PlacedRow[]; problems: InputIssue[] }> {
  const scope = scopeOf(user);
  const problems: InputIssue[] = [];
  const placed: PlacedRow[] = [];
  const imported = await storedExternalIds(q, { source: 'platform', ids: rows.map((r) => r.externalId) });
  for (const row of rows) {
    const at = `line ${row.line}`;
    if (imported.has(row.externalId)) problems.push({ path: `${at}.externalId`, message: `${row.externalId} was imported before` });
    if (scope.districtCode !== null && row.districtCode !== scope.districtCode)
      problems.push({ path: `${at}.districtName`, message: `this account imports clues of district ${scope.districtCode} only, not ${row.districtCode}` });
    if (!row.position) {
      problems.push({ path: `${at}.lon`, message: 'no position (经度/纬度): a clue is placed by its point' });
      continue;
    }
    const lonLat = gcoord.transform<[number, number]>([row.position.lon, row.position.lat], gcoord.GCJ02, gcoord.WGS84);
    const place = await placePoint(q, { type: 'Point', coordinates: lonLat });
    if (place.districtCode !== row.districtCode)
      problems.push({ path: `${at}.lon`, message: `the position lies in district ${place.districtCode ?? 'none'}, not in ${row.districtCode} as the file says` });
    placed.push({ row, lonLat, place });
  }
  return { placed, problems };
}

const reportRows = (rows: readonly PlatformClue[], ids: ReadonlyMap<number, number> = new Map()): ClueImportReport['rows'] =>
  rows.map((r) => ({ line: r.line, externalId: r.externalId, districtCode: r.districtCode, suspectedType: r.suspectedType, reportedAt: r.reportedAt.toISOString(), clueId: ids.get(r.line) ?? null }));

/** The preview's rows; a caller's phone is masked as everywhere but for administrators. */
function sampleFor(user: UserRow, file: PlatformImport): string[][] {
  const phone = file.mapping.phone;
  if (phone === undefined || isAdmin(user)) return file.sample;
  return file.sample.map((cells) => cells.map((cell, i) => (i === phone && cell.trim() ? maskPhone(cell.trim()) : cell)));
}

/**
 * A dry run (the default) answers the report; `commit` writes every row in one transaction with one audit entry
 * (`clue.import`), or with any problem nothing (422 with every problem).
 */
export async function importPlatformClues(deps: ClueLoopDeps, user: UserRow, bytes: Uint8Array, query: ClueImportQuery): Promise<ClueImportReport> {
  requireWriter(user);
  const now = deps.now();
  const file = readPlatformCsv(bytes, { now, encoding: query.encoding, mapping: query.mapping });
  const base = { encoding: file.encoding, rowCount: file.rows.length, header: file.header, mapping: file.mapping, sample: sampleFor(user, file) };
  if (!query.commit) {
    const { problems } = file.problems.length ? { problems: [] } : await placeRows(deps.database, user, file.rows);
    return { ...base, committed: false, problems: [...file.problems, ...problems], rows: reportRows(file.rows) };
  }
  const refuse = (problems: readonly InputIssue[]) =>
    new ServiceError('unprocessable', `the file has ${problems.length} problem(s); nothing was imported: ${problems.slice(0, 3).map((p) => `${p.path}: ${p.message}`).join('; ')}`, { issues: problems });
  if (file.problems.length) throw refuse(file.problems);
  const calendar = await workCalendar(deps);
  const { result } = await audited(deps, { actor: user.username, action: 'clue.import', entity: 'clue' }, async (tx) => {
    const { placed, problems } = await placeRows(tx, user, file.rows);
    if (problems.length) throw refuse(problems);
    const ids = new Map<number, number>();
    for (const { row, lonLat, place } of placed) {
      const id = await insertClue(tx, {
        source: 'platform',
        reportedAt: row.reportedAt,
        geojson: { type: 'Point', coordinates: lonLat },
        address: row.address,
        description: row.institutionName ? `${row.description}（被投诉机构：${row.institutionName}）` : row.description,
        suspectedType: row.suspectedType,
        institutionId: null,
        districtCode: row.districtCode,
        gridCellId: place.gridCellId,
        dueAt: deadlineOf(calendar, query.kind, row.reportedAt),
        kind: query.kind,
        callerPhone: row.phone,
        externalId: row.externalId,
      });
      ids.set(row.line, id);
    }
    return {
      entityId: null,
      before: null,
      after: { source: 'platform', encoding: file.encoding, kind: query.kind, count: ids.size, clueIds: [...ids.values()], externalIds: file.rows.map((r) => r.externalId) },
      result: ids,
    };
  });
  return { ...base, committed: true, problems: [], rows: reportRows(file.rows, result) };
}
