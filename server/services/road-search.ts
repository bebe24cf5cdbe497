import type { RoadMatches } from '../contract/roads.js';
import { searchRoads } from '../../db/queries/roads.js';
import type { UserRow } from '../../db/queries/users.js';
import { scopeOf } from './access.js';
import type { Deps } from './deps.js';

/** The intake's address search over road names, in the user's district. */
export async function findRoads(deps: Pick<Deps, 'database'>, user: UserRow, query: { q: string; limit: number }): Promise<RoadMatches> {
  return { matches: await searchRoads(deps.database, { scope: scopeOf(user), text: query.q, limit: query.limit }) };
}
