import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { col, districtFilter, inBbox, instant, isoUtc, parsedRows, type BboxDegrees, type Queryable, type Scope } from './queryable.js';

// What the district review reads: its clue and check-in counts per unit (district, 街镇, grid cell, institution) of a
// period, per step for the trends, the units' names and shapes for the drill-down, and the ranking's weights.

/** The levels a count can be grouped by or narrowed to. */
export type UnitLevel = 'district' | 'street' | 'cell' | 'institution';

/** A unit the counts are narrowed to (null: the whole scope). */
export type UnitFilter = { level: UnitLevel; code: string } | null;

// The unit of a clue `c` (grid cell `g` joined) as text, so that every level's key has one type.
const clueKey: Record<UnitLevel, SQL> = {
  district: sql`c.district_code`,
  street: sql`g.street_code`,
  cell: sql`c.grid_cell_id::text`,
  institution: sql`c.institution_id::text`,
};

const within = (key: Record<UnitLevel, SQL>, unit: UnitFilter): SQL => (unit ? sql`${key[unit.level]} = ${unit.code}` : sql`TRUE`);
const groupKey = (key: Record<UnitLevel, SQL>, by: UnitLevel | null): SQL => (by ? key[by] : sql`NULL::text`);

const countsRow = z.object({
  key: z.string().nullable(),
  received: col.int,
  closed: col.int,
  closedOnTime: col.int,
  openOverdue: col.int,
  institutionsNamed: col.int,
  repeatOffenders: col.int,
});
export type ClueCountsRow = z.output<typeof countsRow>;

export interface ClueCountsQuery {
  scope: Scope;
  unit: UnitFilter;
  /** Group by this level (null: one row for the whole unit). */
  by: UnitLevel | null;
  from: Date;
  to: Date;
  now: Date;
  openStatuses: readonly string[];
}

const statusList = (statuses: readonly string[]) => sql.join(statuses.map((s) => sql`${s}`), sql`, `);

/**
 * Of the clues reported in [from, to), per unit: received; closed; closed by their 办理时限; open past it at `now`; the
 * institutions they name and those named twice or more. Units without clues are absent.
 */
export async function clueCounts(q: Queryable, p: ClueCountsQuery): Promise<ClueCountsRow[]> {
  return parsedRows(q, countsRow, sql`
    WITH period AS (
      SELECT ${groupKey(clueKey, p.by)} AS key, c.status::text AS status, c.due_at, c.closed_at, c.institution_id
      FROM clues c LEFT JOIN grid_cells g ON g.id = c.grid_cell_id
      WHERE ${districtFilter(sql`c.district_code`, p.scope)} AND ${within(clueKey, p.unit)}
        AND c.reported_at >= ${instant(p.from)} AND c.reported_at < ${instant(p.to)}
    ), named AS (
      SELECT key, count(*) AS institutions, count(*) FILTER (WHERE n >= 2) AS repeats
      FROM (SELECT key, institution_id, count(*) AS n FROM period WHERE institution_id IS NOT NULL GROUP BY key, institution_id) per_institution
      GROUP BY key
    )
    SELECT a.key, a.received, a.closed, a."closedOnTime", a."openOverdue",
           coalesce(n.institutions, 0) AS "institutionsNamed", coalesce(n.repeats, 0) AS "repeatOffenders"
    FROM (
      SELECT key, count(*) AS received,
             count(*) FILTER (WHERE status = 'closed') AS closed,
             count(*) FILTER (WHERE status = 'closed' AND due_at IS NOT NULL AND closed_at <= due_at) AS "closedOnTime",
             count(*) FILTER (WHERE status IN (${statusList(p.openStatuses)}) AND due_at <= ${instant(p.now)}) AS "openOverdue"
      FROM period GROUP BY key
    ) a LEFT JOIN named n ON n.key IS NOT DISTINCT FROM a.key
    ORDER BY a.key`);
}

// The unit of a check-in `ci`: its district; below that the institution it inspected (`i`, from the target key) or the
// grid cell it patrolled.
const checkInKey: Record<UnitLevel, SQL> = {
  district: sql`ci.district_code`,
  street: sql`g.street_code`,
  cell: sql`g.id::text`,
  institution: sql`i.id::text`,
};

const inspectionsRow = z.object({ key: z.string().nullable(), inspections: col.int, violationsFound: col.int });
export type InspectionCountsRow = z.output<typeof inspectionsRow>;

/** Check-ins in [from, to) per unit, and those whose result is a violation (`violationResults`). */
export async function inspectionCounts(
  q: Queryable,
  p: { scope: Scope; unit: UnitFilter; by: UnitLevel | null; from: Date; to: Date; violationResults: readonly string[] },
): Promise<InspectionCountsRow[]> {
  return parsedRows(q, inspectionsRow, sql`
    SELECT ${groupKey(checkInKey, p.by)} AS key, count(*) AS inspections,
           count(*) FILTER (WHERE ci.result::text IN (${statusList(p.violationResults)})) AS "violationsFound"
    FROM check_ins ci
    LEFT JOIN institutions i ON ci.target_key LIKE 'institution:%' AND i.id = substr(ci.target_key, 13)::int
    LEFT JOIN grid_cells g ON g.id = coalesce(i.grid_cell_id, CASE WHEN ci.target_key LIKE 'gridCell:%' THEN substr(ci.target_key, 10)::int END)
    WHERE ${districtFilter(sql`ci.district_code`, p.scope)} AND ${within(checkInKey, p.unit)}
      AND ci.checked_at >= ${instant(p.from)} AND ci.checked_at < ${instant(p.to)}
    GROUP BY 1 ORDER BY 1`);
}

const trendRow = z.object({ key: z.string().nullable(), step: col.int, received: col.int, closed: col.int, closedOnTime: col.int, openOverdue: col.int });
export type TrendRow = z.output<typeof trendRow>;

/**
 * Per unit and step (`stepStarts`, ascending; the last step ends at `to`): the counts of the clues reported in it, the
 * unit's own (key null, `by` null) or its children's.
 */
export async function clueTrendCounts(
  q: Queryable,
  p: { scope: Scope; unit: UnitFilter; by: UnitLevel | null; stepStarts: readonly Date[]; to: Date; now: Date; openStatuses: readonly string[] },
): Promise<TrendRow[]> {
  const bounds = sql`ARRAY[${sql.join(p.stepStarts.map((d) => instant(d)), sql`, `)}]::timestamptz[]`;
  return parsedRows(q, trendRow, sql`
    SELECT ${groupKey(clueKey, p.by)} AS key, width_bucket(c.reported_at, ${bounds}) - 1 AS step,
           count(*) AS received,
           count(*) FILTER (WHERE c.status = 'closed') AS closed,
           count(*) FILTER (WHERE c.status = 'closed' AND c.due_at IS NOT NULL AND c.closed_at <= c.due_at) AS "closedOnTime",
           count(*) FILTER (WHERE c.status::text IN (${statusList(p.openStatuses)}) AND c.due_at <= ${instant(p.now)}) AS "openOverdue"
    FROM clues c LEFT JOIN grid_cells g ON g.id = c.grid_cell_id
    WHERE ${districtFilter(sql`c.district_code`, p.scope)} AND ${within(clueKey, p.unit)}
      AND c.reported_at >= ${instant(p.stepStarts[0])} AND c.reported_at < ${instant(p.to)}
    GROUP BY 1, 2 ORDER BY 1, 2`);
}

// ---- the units ----

const unitRow = z.object({ code: z.string(), name: z.string(), districtCode: z.string(), population: col.int.nullable() });
export type ReviewUnitRow = z.output<typeof unitRow>;

/** The districts of the scope with their populations. */
export async function reviewDistricts(q: Queryable, p: { scope: Scope }): Promise<ReviewUnitRow[]> {
  return parsedRows(q, unitRow, sql`
    SELECT code, name, code AS "districtCode", population FROM districts WHERE ${districtFilter(sql`code`, p.scope)} ORDER BY code`);
}

/** The children of a unit: a district's 街镇, a 街镇's grid cells, a cell's institutions (cells and institutions by id). */
export async function childUnits(q: Queryable, p: { scope: Scope; level: 'district' | 'street' | 'cell'; code: string }): Promise<ReviewUnitRow[]> {
  if (p.level === 'district')
    return parsedRows(q, unitRow, sql`
      SELECT s.code, s.name, s.district_code AS "districtCode", NULL::int AS population FROM streets s
      WHERE s.district_code = ${p.code} AND ${districtFilter(sql`s.district_code`, p.scope)} ORDER BY s.code`);
  if (p.level === 'street')
    return parsedRows(q, unitRow, sql`
      SELECT g.id::text AS code, g.code AS name, g.district_code AS "districtCode", NULL::int AS population FROM grid_cells g
      WHERE g.street_code = ${p.code} AND ${districtFilter(sql`g.district_code`, p.scope)} ORDER BY g.id`);
  return parsedRows(q, unitRow, sql`
    SELECT i.id::text AS code, i.name, i.district_code AS "districtCode", NULL::int AS population FROM institutions i
    WHERE i.grid_cell_id::text = ${p.code} AND ${districtFilter(sql`i.district_code`, p.scope)} ORDER BY i.id`);
}

const pathRow = z.object({
  districtCode: z.string(),
  districtName: z.string(),
  streetCode: z.string().nullable(),
  streetName: z.string().nullable(),
  cellId: z.string().nullable(),
  cellCode: z.string().nullable(),
  institutionId: z.string().nullable(),
  institutionName: z.string().nullable(),
  bbox: z.string().nullable(),
});
export type UnitPathRow = z.output<typeof pathRow>;

// One geometry's box: ST_Extent over an outer row's column would make the query an aggregate of the outer level.
const bboxOf = (geom: SQL) => sql`CASE WHEN ${geom} IS NOT NULL THEN concat_ws(',', ST_XMin(${geom}), ST_YMin(${geom}), ST_XMax(${geom}), ST_YMax(${geom})) END`;

/**
 * A unit's way up (its district, 街镇, cell and institution as far as they apply) and its bounding box
 * ("west,south,east,north"; an institution's is its cell's); null when it does not exist in the scope.
 */
export async function unitPath(q: Queryable, p: { scope: Scope; level: UnitLevel; code: string }): Promise<UnitPathRow | null> {
  const rows =
    p.level === 'district'
      ? await parsedRows(q, pathRow, sql`
          SELECT d.code AS "districtCode", d.name AS "districtName", NULL AS "streetCode", NULL AS "streetName", NULL AS "cellId", NULL AS "cellCode",
                 NULL AS "institutionId", NULL AS "institutionName", ${bboxOf(sql`d.geom`)} AS bbox
          FROM districts d WHERE d.code = ${p.code} AND ${districtFilter(sql`d.code`, p.scope)}`)
      : p.level === 'street'
        ? await parsedRows(q, pathRow, sql`
            SELECT d.code AS "districtCode", d.name AS "districtName", s.code AS "streetCode", s.name AS "streetName", NULL AS "cellId", NULL AS "cellCode",
                   NULL AS "institutionId", NULL AS "institutionName",
                   coalesce(${bboxOf(sql`s.geom`)}, (SELECT concat_ws(',', ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b)) FROM (SELECT ST_Extent(g.geom)::geometry AS b FROM grid_cells g WHERE g.street_code = s.code) e)) AS bbox
            FROM streets s JOIN districts d ON d.code = s.district_code WHERE s.code = ${p.code} AND ${districtFilter(sql`s.district_code`, p.scope)}`)
        : p.level === 'cell'
          ? await parsedRows(q, pathRow, sql`
              SELECT d.code AS "districtCode", d.name AS "districtName", s.code AS "streetCode", s.name AS "streetName", g.id::text AS "cellId", g.code AS "cellCode",
                     NULL AS "institutionId", NULL AS "institutionName", ${bboxOf(sql`g.geom`)} AS bbox
              FROM grid_cells g JOIN streets s ON s.code = g.street_code JOIN districts d ON d.code = g.district_code
              WHERE g.id::text = ${p.code} AND ${districtFilter(sql`g.district_code`, p.scope)}`)
          : await parsedRows(q, pathRow, sql`
              SELECT d.code AS "districtCode", d.name AS "districtName", s.code AS "streetCode", s.name AS "streetName", g.id::text AS "cellId", g.code AS "cellCode",
                     i.id::text AS "institutionId", i.name AS "institutionName",
                     coalesce(${bboxOf(sql`g.geom`)}, concat_ws(',', ST_X(i.geom), ST_Y(i.geom), ST_X(i.geom), ST_Y(i.geom))) AS bbox
              FROM institutions i JOIN districts d ON d.code = i.district_code
              LEFT JOIN grid_cells g ON g.id = i.grid_cell_id LEFT JOIN streets s ON s.code = g.street_code
              WHERE i.id::text = ${p.code} AND ${districtFilter(sql`i.district_code`, p.scope)}`);
  return rows[0] ?? null;
}

/** The city's bounding box over the scope's districts ("west,south,east,north"). */
export async function scopeBbox(q: Queryable, p: { scope: Scope }): Promise<string | null> {
  const [row] = await parsedRows(q, z.object({ bbox: z.string().nullable() }), sql`
    SELECT concat_ws(',', ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b)) AS bbox
    FROM (SELECT ST_Extent(geom)::geometry AS b FROM districts WHERE ${districtFilter(sql`code`, p.scope)}) e`);
  return row?.bbox ?? null;
}

const clueRow = z.object({
  id: col.int,
  reportedAt: z.string(),
  status: z.string(),
  suspectedType: z.string(),
  source: z.string(),
  address: z.string(),
  dueAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});

/** An institution's clues reported in [from, to), newest first. */
export async function institutionClues(q: Queryable, p: { scope: Scope; institutionId: number; from: Date; to: Date; limit: number }) {
  return parsedRows(q, clueRow, sql`
    SELECT c.id, ${isoUtc(sql`c.reported_at`)} AS "reportedAt", c.status::text AS status, c.suspected_type::text AS "suspectedType",
           c.source::text AS source, c.address, ${isoUtc(sql`c.due_at`)} AS "dueAt", ${isoUtc(sql`c.closed_at`)} AS "closedAt"
    FROM clues c
    WHERE c.institution_id = ${p.institutionId} AND ${districtFilter(sql`c.district_code`, p.scope)}
      AND c.reported_at >= ${instant(p.from)} AND c.reported_at < ${instant(p.to)}
    ORDER BY c.reported_at DESC, c.id DESC LIMIT ${p.limit}`);
}

// ---- the ranking's weights ----

const weightsRow = z.object({ version: col.int, weights: col.json(z.record(z.string(), z.number())), setAt: col.timestamp, setBy: z.string() });
export type RankingWeightsRow = z.output<typeof weightsRow>;

/** The weights in force (the newest version), null while the defaults apply. */
export async function currentRankingWeights(q: Queryable, p: { forUpdate?: boolean } = {}): Promise<RankingWeightsRow | null> {
  if (p.forUpdate) await q.rows(sql`LOCK TABLE ranking_weights IN SHARE ROW EXCLUSIVE MODE`);
  const [row] = await parsedRows(q, weightsRow, sql`
    SELECT w.version, w.weights, w.set_at AS "setAt", u.username AS "setBy"
    FROM ranking_weights w JOIN users u ON u.id = w.set_by ORDER BY w.version DESC LIMIT 1`);
  return row ?? null;
}

export async function insertRankingWeights(tx: Queryable, p: { version: number; weights: Record<string, number>; userId: number; at: Date }): Promise<void> {
  await tx.rows(sql`
    INSERT INTO ranking_weights (version, weights, set_by, set_at) VALUES (${p.version}, ${JSON.stringify(p.weights)}::jsonb, ${p.userId}, ${instant(p.at)})`);
}

// ---- the briefing's map (研判简报) ----

export type PolygonCoordinates = number[][][];

// GeoJSON coordinates are checked for shape only: a district's outline has thousands of points.
const shapeSchema = z.custom<{ type: 'Polygon' | 'MultiPolygon'; coordinates: unknown[] }>((value) => {
  const { type, coordinates } = (value ?? {}) as { type?: unknown; coordinates?: unknown };
  return (type === 'Polygon' || type === 'MultiPolygon') && Array.isArray(coordinates);
}, 'expected a GeoJSON Polygon or MultiPolygon');

/** The rings of a Polygon or MultiPolygon as a list of polygons. */
const polygonsOf = (shape: z.output<typeof shapeSchema>): PolygonCoordinates[] =>
  shape.type === 'Polygon' ? [shape.coordinates as PolygonCoordinates] : (shape.coordinates as PolygonCoordinates[]);

// A printed map of a district is about 500 pt wide: 0.00005° (≈ 5 m) is far below a point on paper.
const SIMPLIFY_DEGREES = 0.00005;
const printedShape = (geom: SQL) => sql`ST_AsGeoJSON(ST_SimplifyPreserveTopology(${geom}, ${SIMPLIFY_DEGREES}::float8), 5)::json`;

const briefingCellRow = z.object({ id: col.int, code: z.string(), streetCode: z.string(), streetName: z.string(), shape: col.json(shapeSchema) });
export interface BriefingCellRow {
  id: number;
  code: string;
  streetCode: string;
  streetName: string;
  polygons: PolygonCoordinates[];
}

/** The grid cells of the scope (and district) that meet the frame, with their 街镇 and their printed shape. */
export async function briefingCells(q: Queryable, p: { scope: Scope; district?: string; frame: BboxDegrees }): Promise<BriefingCellRow[]> {
  const rows = await parsedRows(q, briefingCellRow, sql`
    SELECT g.id, g.code, g.street_code AS "streetCode", s.name AS "streetName", ${printedShape(sql`g.geom`)}::text AS shape
    FROM grid_cells g JOIN streets s ON s.code = g.street_code
    WHERE ${districtFilter(sql`g.district_code`, p.scope, p.district)} AND ${inBbox(sql`g.geom`, p.frame)}
    ORDER BY g.id`);
  return rows.map(({ shape, ...row }) => ({ ...row, polygons: polygonsOf(shape) }));
}

/** The 街镇 of the scope (and district) with their names, for the hot cells' rows outside the frame. */
export async function streetNames(q: Queryable, p: { scope: Scope; district?: string }): Promise<Map<string, string>> {
  const rows = await parsedRows(q, z.object({ code: z.string(), name: z.string() }), sql`
    SELECT s.code, s.name FROM streets s WHERE ${districtFilter(sql`s.district_code`, p.scope, p.district)} ORDER BY s.code`);
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** Each grid cell of the scope (and district) with its 街镇 code. */
export async function cellStreets(q: Queryable, p: { scope: Scope; district?: string }): Promise<Map<number, string>> {
  const rows = await parsedRows(q, z.object({ id: col.int, streetCode: z.string() }), sql`
    SELECT g.id, g.street_code AS "streetCode" FROM grid_cells g WHERE ${districtFilter(sql`g.district_code`, p.scope, p.district)}`);
  return new Map(rows.map((r) => [r.id, r.streetCode]));
}

/**
 * The outline of a unit to stroke on the map: the city's districts in scope, a district's or 街镇's boundary (a 街镇
 * without one: the union of its cells), a cell's, an institution's cell.
 */
export async function unitOutline(q: Queryable, p: { scope: Scope; unit: UnitFilter }): Promise<PolygonCoordinates[]> {
  const unit = p.unit;
  const geom =
    unit === null
      ? sql`(SELECT ST_Collect(d.geom) FROM districts d WHERE ${districtFilter(sql`d.code`, p.scope)})`
      : unit.level === 'district'
        ? sql`(SELECT d.geom FROM districts d WHERE d.code = ${unit.code} AND ${districtFilter(sql`d.code`, p.scope)})`
        : unit.level === 'street'
          ? sql`(SELECT coalesce(s.geom, (SELECT ST_Multi(ST_Union(g.geom)) FROM grid_cells g WHERE g.street_code = s.code)) FROM streets s
                 WHERE s.code = ${unit.code} AND ${districtFilter(sql`s.district_code`, p.scope)})`
          : unit.level === 'cell'
            ? sql`(SELECT g.geom FROM grid_cells g WHERE g.id::text = ${unit.code} AND ${districtFilter(sql`g.district_code`, p.scope)})`
            : sql`(SELECT g.geom FROM institutions i JOIN grid_cells g ON g.id = i.grid_cell_id
                   WHERE i.id::text = ${unit.code} AND ${districtFilter(sql`i.district_code`, p.scope)})`;
  const [row] = await parsedRows(q, z.object({ shape: col.json(shapeSchema).nullable() }), sql`
    SELECT (SELECT CASE WHEN b IS NULL THEN NULL ELSE ${printedShape(sql`ST_Multi(ST_CollectionExtract(b, 3))`)}::text END FROM (SELECT ${geom} AS b) x) AS shape`);
  return row?.shape ? polygonsOf(row.shape) : [];
}

/** Whether any clue of the scope (and district) is synthetic: the demo data says so on paper too. */
export async function scopeHasSyntheticClues(q: Queryable, p: { scope: Scope; district?: string }): Promise<boolean> {
  const [row] = await parsedRows(q, z.object({ synthetic: z.boolean() }), sql`
    SELECT EXISTS (SELECT 1 FROM clues c WHERE c.synthetic AND ${districtFilter(sql`c.district_code`, p.scope, p.district)}) AS synthetic`);
  return row.synthetic;
}
