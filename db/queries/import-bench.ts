import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ImportedInstitution } from './layer-import.js';
import { placementColumns } from './placement.js';
import { col, parsedRows, type Queryable } from './queryable.js';

// Benchmark-only (scripts/bench/import.ts): the reference an import of institutions is measured against, and the
// clean-up that lets the next run start from the same seeded rows.

/** An institution as the reference stores it: the import's row without what placement derives. */
export type ReferenceInstitution = Omit<ImportedInstitution, 'licenceNo' | 'districtCode' | 'gridCellId'>;

/**
 * The rows as a plain multi-row statement with bound values, placed by the same rule as every write
 * (placementColumns): the floor of what storing them can cost, without the import's reading, checks and JSON batches.
 */
export async function insertReferenceInstitutions(tx: Queryable, rows: readonly ReferenceInstitution[]): Promise<number> {
  if (rows.length === 0) return 0;
  const values = sql.join(
    rows.map((r) => sql`(${r.name}, ${r.creditCode}, ${r.category}, ${r.nature}, ${r.status}, ${r.address}, ${r.lon}::float8, ${r.lat}::float8)`),
    sql`, `,
  );
  const inserted = await tx.rows(sql`
    INSERT INTO institutions (name, credit_code, category, nature, status, address, geom, district_code, grid_cell_id, synthetic)
    SELECT v.name, v.code, v.category::institution_category, v.nature::institution_nature, v.status::institution_status,
           v.address, p.geom, placed."districtCode", placed."gridCellId", FALSE
    FROM (VALUES ${values}) AS v(name, code, category, nature, status, address, lon, lat)
    CROSS JOIN LATERAL (SELECT ST_SetSRID(ST_MakePoint(v.lon, v.lat), 4326) AS geom) p
    CROSS JOIN LATERAL (SELECT ${placementColumns(sql`p.geom`)}) placed
    RETURNING id`);
  return inserted.length;
}

/** The highest institution id: what a run adds lies above it. */
export async function lastInstitutionId(q: Queryable): Promise<number> {
  const [row] = await parsedRows(q, z.object({ id: col.int }), sql`SELECT coalesce(max(id), 0) AS id FROM institutions`);
  return row.id;
}

/** Removes the institutions above `id` and gathers the table's statistics again, so that each run meets the same table. */
export async function removeInstitutionsAbove(q: Queryable, id: number): Promise<void> {
  await q.rows(sql`DELETE FROM institutions WHERE id > ${id}`);
  await q.rows(sql`VACUUM ANALYZE institutions`);
}
