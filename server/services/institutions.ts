import type { InstitutionDetail, InstitutionMatches } from '../contract/institutions.js';
import { institutionDetailSchema } from '../contract/institutions.js';
import { institutionById, institutionsInBbox, searchInstitutions, type InstitutionsInBboxParams } from '../../db/queries/institutions.js';
import type { UserRow } from '../../db/queries/users.js';
import { scopedTo, scopeOf } from './access.js';
import type { Deps } from './deps.js';
import { notFound } from './errors.js';

type InstitutionDeps = Pick<Deps, 'database'>;

/** One page of institutions in a bbox as GeoJSON text. */
export const listInstitutions = (deps: InstitutionDeps, user: UserRow, q: Omit<InstitutionsInBboxParams, 'scope'>): Promise<string> =>
  institutionsInBbox(deps.database, { ...q, ...scopedTo(user, q.district) });

export async function getInstitution(deps: InstitutionDeps, user: UserRow, id: number): Promise<InstitutionDetail> {
  const row = await institutionById(deps.database, { scope: scopeOf(user), id });
  if (!row) throw notFound(`institution ${id}`);
  return institutionDetailSchema.parse({ type: 'Feature', ...row });
}

/** The 12345 form's search for the suspected institution, in the user's district. */
export async function findInstitutions(deps: InstitutionDeps, user: UserRow, query: { q: string; limit: number }): Promise<InstitutionMatches> {
  return { matches: await searchInstitutions(deps.database, { scope: scopeOf(user), text: query.q, limit: query.limit }) };
}
