import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { col, instant, parsedRows, type Queryable } from './queryable.js';
import { placementColumns } from './placement.js';

export interface ClueStatusUpdate {
  id: number;
  status: string;
  /** Set when the clue reaches a terminal status. */
  closedAt: Date | null;
}

export async function setClueStatus(tx: Queryable, p: ClueStatusUpdate): Promise<void> {
  await tx.rows(sql`
    UPDATE clues SET status = ${p.status}, closed_at = ${p.closedAt ? instant(p.closedAt) : sql`NULL`}
    WHERE id = ${p.id}`);
}

export interface PointPlacement {
  geometryType: string;
  valid: boolean;
  /** ST_IsValidReason, e.g. "Valid Geometry" or what is wrong. */
  reason: string;
  districtCode: string | null;
  gridCellId: number | null;
}

const pointPlacement = z.object({
  geometryType: z.string(),
  valid: z.boolean(),
  reason: z.string(),
  districtCode: z.string().nullable(),
  gridCellId: col.int.nullable(),
});

/** Validates a GeoJSON geometry in PostGIS and finds the district and grid cell it falls in. */
export async function placePoint(q: Queryable, geojson: unknown): Promise<PointPlacement> {
  const text = JSON.stringify(geojson);
  const [row] = await parsedRows(q, pointPlacement, sql`
    WITH input AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON(${text}), 4326) AS geom)
    SELECT GeometryType(input.geom) AS "geometryType",
           ST_IsValid(input.geom) AS valid,
           ST_IsValidReason(input.geom) AS reason,
           ${placementColumns(sql`input.geom`)}
    FROM input`);
  return row;
}

export interface NewClueRow {
  source: string;
  reportedAt: Date;
  geojson: unknown;
  address: string;
  description: string;
  suspectedType: string;
  institutionId: number | null;
  districtCode: string;
  gridCellId: number | null;
  dueAt: Date;
  kind?: string;
  callerPhone?: string | null;
  attachments?: readonly string[];
  externalId?: string | null;
  /** The co-signed check-in the clue is the finding of. */
  checkInId?: number | null;
}

export async function insertClue(tx: Queryable, c: NewClueRow): Promise<number> {
  const [row] = await parsedRows(tx, z.object({ id: col.int }), sql`
    INSERT INTO clues (source, reported_at, geom, address, description, suspected_type, status, institution_id,
                       district_code, grid_cell_id, due_at, synthetic, kind, caller_phone, attachments, external_id, check_in_id)
    VALUES (${c.source}, ${instant(c.reportedAt)}, ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(c.geojson)}), 4326),
            ${c.address}, ${c.description}, ${c.suspectedType}, 'received', ${c.institutionId}, ${c.districtCode},
            ${c.gridCellId}, ${instant(c.dueAt)}, FALSE, ${c.kind ?? 'complaint'}::clue_kind, ${c.callerPhone ?? null},
            ${JSON.stringify(c.attachments ?? [])}::jsonb, ${c.externalId ?? null}, ${c.checkInId ?? null})
    RETURNING id`);
  return row.id;
}

/** The clue a check-in's finding became, if any. */
export async function clueIdOfCheckIn(q: Queryable, checkInId: number): Promise<number | null> {
  const [row] = await parsedRows(q, z.object({ id: col.int }), sql`SELECT id FROM clues WHERE check_in_id = ${checkInId}`);
  return row?.id ?? null;
}

/** Whether an institution exists in the given district (a clue may only be linked to one there). */
export async function institutionInDistrict(q: Queryable, p: { id: number; districtCode: string }): Promise<boolean> {
  const rows = await q.rows(sql`SELECT 1 FROM institutions WHERE id = ${p.id} AND district_code = ${p.districtCode}`);
  return rows.length > 0;
}
