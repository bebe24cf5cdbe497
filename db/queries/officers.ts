/**
 * The officer registry (执法检查人员名录库) as the joint-team draw reads it: officers with department, certificate and
 * home 街镇, and their registered relations to institutions (利害关系, for 回避). District-scoped by the officer's
 * district.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { officerRelationKinds, type OfficerRelationKind } from '../../server/domain/vocabulary.js';
import { col, districtFilter, parsedRows, type Queryable, type Scope } from './queryable.js';

export interface RegistryScope {
  scope: Scope;
  /** One district of the scope; all of it when absent. */
  district?: string;
}

export interface RegistryOfficerRow {
  id: number;
  name: string;
  departmentCode: string;
  districtCode: string;
  homeStreetCode: string | null;
  certificateNo: string;
  /** YYYY-MM-DD, the last valid day. */
  certificateExpiresOn: string;
}

const registryOfficerRow = z.object({
  id: col.int,
  name: z.string(),
  departmentCode: z.string(),
  districtCode: z.string(),
  homeStreetCode: z.string().nullable(),
  certificateNo: z.string(),
  certificateExpiresOn: z.string(),
});

export async function officerRegistry(q: Queryable, p: RegistryScope): Promise<RegistryOfficerRow[]> {
  return parsedRows(q, registryOfficerRow, sql`
    SELECT o.id, o.name, o.department_code AS "departmentCode", o.district_code AS "districtCode",
           o.home_street_code AS "homeStreetCode", o.certificate_no AS "certificateNo",
           to_char(o.certificate_expires_on, 'YYYY-MM-DD') AS "certificateExpiresOn"
    FROM officers o
    WHERE ${districtFilter(sql`o.district_code`, p.scope, p.district)}
    ORDER BY o.id`);
}

export interface OfficerRelationRow {
  officerId: number;
  institutionId: number;
  kind: OfficerRelationKind;
  note: string;
  registeredOn: string;
}

const officerRelationRow = z.object({
  officerId: col.int,
  institutionId: col.int,
  kind: z.enum(officerRelationKinds),
  note: z.string(),
  registeredOn: z.string(),
});

/** The relations of the officers of the scope (the institution may lie in another district). */
export async function officerRelations(q: Queryable, p: RegistryScope): Promise<OfficerRelationRow[]> {
  return parsedRows(q, officerRelationRow, sql`
    SELECT r.officer_id AS "officerId", r.institution_id AS "institutionId", r.kind, r.note,
           to_char(r.registered_on, 'YYYY-MM-DD') AS "registeredOn"
    FROM officer_relations r JOIN officers o ON o.id = r.officer_id
    WHERE ${districtFilter(sql`o.district_code`, p.scope, p.district)}
    ORDER BY r.officer_id, r.institution_id`);
}
