import { sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  institutionCategories,
  institutionNatures,
  institutionStatuses,
  listStatuses,
  violationKinds,
  type InstitutionCategory,
  type InstitutionNature,
  type InstitutionStatus,
  type ListStatus,
  type ViolationKind,
} from '../../server/domain/vocabulary.js';
import { featurePageSql, pointFeatureRow } from './feature-page.js';
import { anyOf, districtFilter, inBbox, isoUtc, jsonBody, parsedRows, type BboxDegrees, type Queryable, type Scope } from './queryable.js';

export interface InstitutionsInBboxParams {
  scope: Scope;
  bbox: BboxDegrees;
  status?: readonly string[];
  category?: readonly string[];
  listStatus?: readonly string[];
  district?: string;
  limit: number;
  /** Keyset paging: ids above this one. */
  cursor?: number;
}

/** One page of institutions as a GeoJSON FeatureCollection text (see featurePageSql). */
export function institutionsInBboxSql(p: InstitutionsInBboxParams) {
  return featurePageSql({
    columns: sql`i.id, i.name, i.category, i.nature, i.status, i.list_status, i.district_code, i.grid_cell_id,
             i.last_inspected_on, i.synthetic, i.geom`,
    from: sql`institutions i`,
    id: sql`i.id`,
    filters: [
      inBbox(sql`i.geom`, p.bbox),
      districtFilter(sql`i.district_code`, p.scope, p.district),
      anyOf(sql`i.status::text`, p.status),
      anyOf(sql`i.category::text`, p.category),
      anyOf(sql`i.list_status::text`, p.listStatus),
    ],
    properties: sql`json_build_object(
      'id', s.id, 'name', s.name, 'category', s.category, 'nature', s.nature, 'status', s.status,
      'listStatus', s.list_status, 'districtCode', s.district_code, 'gridCellId', s.grid_cell_id,
      'lastInspectedOn', s.last_inspected_on, 'synthetic', s.synthetic)`,
    limit: p.limit,
    cursor: p.cursor,
  });
}

export async function institutionsInBbox(q: Queryable, p: InstitutionsInBboxParams): Promise<string> {
  return jsonBody(q, institutionsInBboxSql(p));
}

export interface InstitutionDetailRow {
  id: number;
  geometry: { type: 'Point'; coordinates: number[] };
  properties: {
    id: number;
    name: string;
    category: InstitutionCategory;
    nature: InstitutionNature;
    status: InstitutionStatus;
    listStatus: ListStatus;
    districtCode: string;
    gridCellId: number | null;
    lastInspectedOn: string | null;
    synthetic: boolean;
    violationCount: number;
    violations: { occurredOn: string; kind: ViolationKind; description: string }[];
    creditCode: string | null;
    licenceNo: string | null;
    address: string;
    districtName: string;
    gridCellCode: string | null;
    streetName: string | null;
    clueCount: number;
    openClueCount: number;
    createdAt: string;
    updatedAt: string;
  };
}

const institutionDetailRow = pointFeatureRow(
  z.object({
    id: z.int(),
    name: z.string(),
    category: z.enum(institutionCategories),
    nature: z.enum(institutionNatures),
    status: z.enum(institutionStatuses),
    listStatus: z.enum(listStatuses),
    districtCode: z.string(),
    gridCellId: z.int().nullable(),
    lastInspectedOn: z.string().nullable(),
    synthetic: z.boolean(),
    violationCount: z.int(),
    violations: z.array(z.object({ occurredOn: z.string(), kind: z.enum(violationKinds), description: z.string() })),
    creditCode: z.string().nullable(),
    licenceNo: z.string().nullable(),
    address: z.string(),
    districtName: z.string(),
    gridCellCode: z.string().nullable(),
    streetName: z.string().nullable(),
    clueCount: z.int(),
    openClueCount: z.int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
);

export async function institutionById(q: Queryable, p: { scope: Scope; id: number }): Promise<InstitutionDetailRow | null> {
  const [row] = await parsedRows(q, institutionDetailRow, sql`
    SELECT json_build_object(
      'id', i.id,
      'geometry', ST_AsGeoJSON(i.geom, 6)::json,
      'properties', json_build_object(
        'id', i.id, 'name', i.name, 'category', i.category, 'nature', i.nature, 'status', i.status,
        'listStatus', i.list_status, 'districtCode', i.district_code, 'gridCellId', i.grid_cell_id,
        'lastInspectedOn', i.last_inspected_on, 'synthetic', i.synthetic,
        'violationCount', (SELECT count(*) FROM violations v WHERE v.institution_id = i.id),
        'violations', COALESCE((SELECT json_agg(json_build_object('occurredOn', v.occurred_on, 'kind', v.kind, 'description', v.description)
                                         ORDER BY v.occurred_on DESC, v.id DESC)
                                FROM (SELECT * FROM violations WHERE institution_id = i.id ORDER BY occurred_on DESC, id DESC LIMIT 20) v), '[]'::json),
        'creditCode', i.credit_code, 'licenceNo', i.licence_no, 'address', i.address, 'districtName', d.name,
        'gridCellCode', g.code, 'streetName', s.name,
        'clueCount', (SELECT count(*) FROM clues c WHERE c.institution_id = i.id),
        'openClueCount', (SELECT count(*) FROM clues c WHERE c.institution_id = i.id AND c.status NOT IN ('closed', 'rejected')),
        'createdAt', ${isoUtc(sql`i.created_at`)}, 'updatedAt', ${isoUtc(sql`i.updated_at`)})
    )::text AS feature
    FROM institutions i
    JOIN districts d ON d.code = i.district_code
    LEFT JOIN grid_cells g ON g.id = i.grid_cell_id
    LEFT JOIN streets s ON s.code = g.street_code
    WHERE i.id = ${p.id} AND ${districtFilter(sql`i.district_code`, p.scope)}`);
  return row ? row.feature : null;
}

const matchRow = z
  .object({
    id: z.int(),
    name: z.string(),
    category: z.enum(institutionCategories),
    status: z.enum(institutionStatuses),
    districtCode: z.string(),
    districtName: z.string(),
    address: z.string(),
    creditCode: z.string().nullable(),
    licenceNo: z.string().nullable(),
    lon: z.number(),
    lat: z.number(),
  })
  .transform(({ lon, lat, ...m }) => ({ ...m, position: [lon, lat] as [number, number] }));
export type InstitutionMatchRow = z.output<typeof matchRow>;

/**
 * Institutions whose name contains `text`, or whose credit code or licence number is `text`: the name itself first,
 * then names that begin with it, then the shorter names. strpos rather than LIKE, so `%` and `_` in the text are
 * characters, not wildcards. Only a text with Latin letters folds the names' case: lower() over every name costs five
 * times the search itself, and Chinese has no case.
 */
export async function searchInstitutions(q: Queryable, p: { scope: Scope; text: string; limit: number }): Promise<InstitutionMatchRow[]> {
  const folded = /[A-Za-z]/.test(p.text);
  const name = folded ? sql`lower(i.name)` : sql`i.name`;
  const text = folded ? p.text.toLowerCase() : p.text;
  return parsedRows(q, matchRow, sql`
    SELECT i.id, i.name, i.category::text AS category, i.status::text AS status, i.district_code AS "districtCode",
           d.name AS "districtName", i.address, i.credit_code AS "creditCode", i.licence_no AS "licenceNo",
           ST_X(i.geom) AS lon, ST_Y(i.geom) AS lat
    FROM institutions i JOIN districts d ON d.code = i.district_code
    WHERE ${districtFilter(sql`i.district_code`, p.scope)}
      AND (strpos(${name}, ${text}) > 0 OR i.credit_code = upper(${p.text}) OR i.licence_no = ${p.text})
    ORDER BY ${name} = ${text} DESC, strpos(${name}, ${text}) = 1 DESC, char_length(i.name), i.id
    LIMIT ${p.limit}`);
}
