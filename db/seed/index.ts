/**
 * The demo data build: real Shanghai districts and 街镇, generated (synthetic) grid cells, institutions,
 * clues, officers, and the demo users. Deterministic from (seed, asOf, scale): the same inputs give the
 * same rows. Assumes a migrated, empty database; runs in one transaction.
 */
import type { Database } from '../client.js';
import type { Clock } from '../../server/domain/clock.js';
import { appendAudit } from '../queries/audit.js';
import { replaceSchoolVacations } from '../queries/calendar.js';
import { SHANGHAI_SCHOOL_VACATION_DEFAULTS } from '../../server/domain/school-vacation-defaults.js';
import { SHANGHAI_CITY_CODE } from '../../server/domain/school-vacations.js';
import { inTransaction } from '../queries/queryable.js';
import {
  countRows,
  districtGeometries,
  insertClues,
  insertDepartments,
  insertDistricts,
  insertInstitutions,
  insertOfficerRelations,
  insertOfficers,
  insertStreets,
  insertUsers,
  insertViolations,
  seededTablesEmpty,
  syncSerialSequences,
  type SeededTable,
} from '../queries/seed.js';
import { readDistricts, readStreets } from './source-data.js';
import { SHANGHAI_DISTRICTS } from './generate/districts-meta.js';
import { createRandom } from '../../server/domain/random.js';
import { cellSize, type SeedScale } from './generate/grid.js';
import { Geography } from './generate/geography.js';
import { residentialCentres } from './generate/residential.js';
import { generateHotspots } from './generate/hotspots.js';
import { generateInstitutions } from './generate/institutions.js';
import { openingHoursOf, type OpeningHours } from './generate/opening-hours.js';
import { generateClues, seedDispatch } from './generate/clues.js';
import { DEPARTMENTS } from './generate/departments.js';
import { generateOfficerRelations, generateOfficers } from './generate/officers.js';
import { DEMO_USERS, fieldAccounts } from './generate/users.js';
export { DEFAULT_DEMO_PASSWORD } from './generate/users.js';
import type { AreaGeometry } from './generate/gcj02.js';
import { buildGrid } from './build-grid.js';
import { DEFAULT_RESPONSIBILITY_MATRIX } from '../../server/domain/responsibility-matrix.js';
import { insertMatrixVersion } from '../queries/responsibility-matrix.js';
import { importDemoRoadNetwork } from './osm/index.js';

export interface SeedOptions {
  /** PRNG seed, default 20260101. */
  seed?: number;
  /** "Now" of the demo: clues span the 24 months before it; injected so a build is reproducible. */
  asOf: Date;
  /** Demo users' password (from DEMO_PASSWORD; DEFAULT_DEMO_PASSWORD when unset). */
  password: string;
  /** Injected so that db/ never imports server/. */
  hashPassword: (plain: string) => Promise<string>;
  /** 'test' = small and fast (coarser cells, ~300 institutions, ~1,500 clues) for API tests. */
  scale?: SeedScale;
  onProgress?: (step: string, done: number, total: number) => void;
  /** The real clock, for the audit entry of the build (default: asOf). */
  now?: Clock;
}

/** Row counts per table after the build. */
export type SeedSummary = Record<SeededTable | 'road_nodes' | 'road_edges', number>;

export const DEFAULT_SEED = 20260101;

const SIZES: Record<SeedScale, { institutions: number; clues: number; officers: number; hotspots: number }> = {
  demo: { institutions: 6000, clues: 20000, officers: 400, hotspots: 40 },
  // Enough officers that every district has the covering mix (16 × 9) and a share beyond it.
  test: { institutions: 300, clues: 1500, officers: 180, hotspots: 10 },
};

const STEPS = [
  '区县 districts',
  '街镇 streets',
  '网格 grid cells',
  '机构 institutions',
  '线索 clues',
  '部门与执法人员 departments & officers',
  '用户与校历 users & school calendar',
  '审计 audit log',
];

export async function seedDemo(database: Database, options: SeedOptions): Promise<SeedSummary> {
  const seed = options.seed ?? DEFAULT_SEED;
  const scale = options.scale ?? 'demo';
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!(options.asOf instanceof Date) || Number.isNaN(options.asOf.getTime())) throw new RangeError('asOf must be a valid Date');
  if (!(scale in SIZES)) throw new RangeError(`scale must be 'demo' or 'test', got ${String(scale)}`);
  if (typeof options.password !== 'string' || options.password.length < 8) {
    throw new RangeError('the demo users’ password must have at least 8 characters');
  }
  const asOf = options.asOf;
  // The audit entry and the stamps of the stored configuration record when the build ran (the real clock), not asOf.
  const builtAt = options.now ? options.now() : asOf;
  const sizes = SIZES[scale];
  const random = createRandom(seed);
  const progress = (done: number) => options.onProgress?.(STEPS[Math.min(done, STEPS.length - 1)], done, STEPS.length);
  // Hash before the transaction: it is slow on purpose and needs no database.
  const users = await Promise.all(
    DEMO_USERS.map(async (u) => ({ ...u, password_hash: await options.hashPassword(options.password) })),
  );
  // One hash shared by every field account (one per registry officer, 400 at demo scale): scrypt is slow on purpose,
  // and 400 of them would add minutes to the build for demo accounts that all have the same password anyway.
  const fieldPasswordHash = await options.hashPassword(options.password);

  const counts = await inTransaction(database, async (tx) => {
    if (!(await seededTablesEmpty(tx))) throw new Error('seedDemo needs an empty database: reset it first (resetDatabase, or npm run seed)');
    progress(0);
    const districts = readDistricts();
    const population = new Map(SHANGHAI_DISTRICTS.map((d) => [d.code, d.population2020]));
    await insertDistricts(tx, districts.map((d) => ({ code: d.code, name: d.name, name_en: d.nameEn, geometry: d.geometry, population: population.get(d.code) ?? null })));

    progress(1);
    const streets = readStreets();
    await insertStreets(tx, streets.map((s) => ({ code: s.code, name: s.name, district_code: s.districtCode })));

    progress(2);
    // Geometry as stored (made valid), so that generated points are tested against what the database holds.
    const stored = new Map((await districtGeometries(tx)).map((d) => [d.code, JSON.parse(d.geojson) as AreaGeometry]));
    const withGeometry = SHANGHAI_DISTRICTS.map((meta) => ({ ...meta, geometry: stored.get(meta.code)! }));
    const grid = await buildGrid(tx, random.fork('grid'), scale, withGeometry, streets);
    const geography = new Geography(
      SHANGHAI_DISTRICTS.map((meta) => ({
        code: meta.code,
        name: meta.name,
        central: meta.central,
        population: meta.population2020,
        office: meta.office,
        geometry: stored.get(meta.code)!,
        size: cellSize(scale, meta.central),
        cells: grid.cellsByDistrict.get(meta.code) ?? [],
      })),
    );

    progress(3);
    const centres = residentialCentres(random.fork('residential'), geography, grid.streetCentres);
    const central = new Set(SHANGHAI_DISTRICTS.filter((d) => d.central).map((d) => d.code));
    const hotspots = generateHotspots(random.fork('hotspots'), centres, sizes.hotspots, central);
    const streetNames = new Map(streets.map((s) => [s.code, s.name]));
    const districtNames = new Map(SHANGHAI_DISTRICTS.map((d) => [d.code, d.name]));
    // Census population weights; central districts are denser in training institutions and in reports.
    const weights = (centralFactor: number) =>
      new Map(SHANGHAI_DISTRICTS.map((d) => [d.code, d.population2020 * (d.central ? centralFactor : 1)]));
    const institutions = generateInstitutions(random.fork('institutions'), geography, centres, hotspots, {
      count: sizes.institutions,
      asOf,
      districtWeights: weights(1.5),
      streetNames,
    });
    await insertInstitutions(
      tx,
      institutions.map((i) => ({
        ...hoursColumns(openingHoursOf(i.id, i.category, i.status)),
        id: i.id,
        name: i.name,
        credit_code: i.creditCode,
        licence_no: i.licenceNo,
        category: i.category,
        nature: i.nature,
        status: i.status,
        list_status: i.listStatus,
        address: i.address,
        lon: i.lon,
        lat: i.lat,
        district_code: i.districtCode,
        grid_cell_id: i.gridCellId,
        last_inspected_on: i.lastInspectedOn,
        created_at: i.createdAt.toISOString(),
        updated_at: i.updatedAt.toISOString(),
      })),
    );
    await insertViolations(
      tx,
      institutions.flatMap((i) => i.violations.map((v) => ({ institution_id: i.id, occurred_on: v.occurredOn, kind: v.kind, description: v.description }))),
    );

    progress(4);
    // The departments before the clues, which name their lead; the default matrix as version 1, which dispatched them.
    await insertDepartments(tx, DEPARTMENTS.map((d) => ({ code: d.code, name: d.name, name_en: d.nameEn, responsibilities: d.responsibilities })));
    await insertMatrixVersion(tx, { version: 1, rules: DEFAULT_RESPONSIBILITY_MATRIX, createdBy: 'system', createdAt: builtAt });
    const categoryOf = new Map(institutions.map((i) => [i.id, i.category]));
    const clues = generateClues(random.fork('clues'), geography, centres, hotspots, institutions, {
      count: sizes.clues,
      asOf,
      districtWeights: weights(1.8),
      hotspotShare: 0.35,
      districtNames,
      streetNames,
    });
    await insertClues(
      tx,
      clues.map((c) => ({
        id: c.id,
        source: c.source,
        reported_at: c.reportedAt.toISOString(),
        lon: c.lon,
        lat: c.lat,
        address: c.address,
        description: c.description,
        suspected_type: c.suspectedType,
        status: c.status,
        institution_id: c.institutionId,
        district_code: c.districtCode,
        grid_cell_id: c.gridCellId,
        due_at: c.dueAt.toISOString(),
        closed_at: c.closedAt?.toISOString() ?? null,
        ...seedDispatch(c, c.institutionId === null ? null : (categoryOf.get(c.institutionId) ?? null)),
      })),
    );

    progress(5);
    const officers = generateOfficers(random.fork('officers'), geography, sizes.officers, asOf);
    await insertOfficers(
      tx,
      officers.map((o) => ({
        id: o.id,
        name: o.name,
        department_code: o.departmentCode,
        district_code: o.districtCode,
        home_street_code: o.homeStreetCode,
        certificate_no: o.certificateNo,
        certificate_expires_on: o.certificateExpiresOn,
        lon: o.lon,
        lat: o.lat,
      })),
    );
    const relations = generateOfficerRelations(random.fork('officer-relations'), officers, institutions, asOf);
    await insertOfficerRelations(
      tx,
      relations.map((r) => ({ id: r.id, officer_id: r.officerId, institution_id: r.institutionId, kind: r.kind, note: r.note, registered_on: r.registeredOn })),
    );

    progress(6);
    await insertUsers(tx, [...users, ...fieldAccounts(officers).map((u) => ({ ...u, password_hash: fieldPasswordHash }))]);
    await syncSerialSequences(tx);
    // The shipped school vacations (configuration, not synthetic): an administrator edits them on the calendar screen.
    await replaceSchoolVacations(tx, { cityCode: SHANGHAI_CITY_CODE, vacations: SHANGHAI_SCHOOL_VACATION_DEFAULTS, at: builtAt, by: 'system' });

    progress(7);
    const counts = await countRows(tx);
    const { audit_log: _audit, ...seeded } = counts;
    await appendAudit(tx, {
      at: builtAt,
      actor: 'system',
      action: 'seed',
      entity: 'database',
      entityId: null,
      before: null,
      after: { ...seeded, seed, asOf: asOf.toISOString(), scale },
    });
    return { ...counts, audit_log: counts.audit_log + 1 };
  });
  // The patrol router needs streets to follow; the demo network covers People's Square (黄浦/静安).
  const roads = await importDemoRoadNetwork(database);
  options.onProgress?.('完成 done', STEPS.length, STEPS.length);
  return { ...counts, road_nodes: roads.nodes, road_edges: roads.edges };
}

function hoursColumns(h: OpeningHours) {
  return {
    weekday_opens: h.weekday?.opens ?? null,
    weekday_closes: h.weekday?.closes ?? null,
    weekend_opens: h.weekend?.opens ?? null,
    weekend_closes: h.weekend?.closes ?? null,
  };
}
