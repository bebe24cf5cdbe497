// The map's reference layers in scope: districts (with counts), 街镇, and grid cells with the clue counts of a period.
// Each answer is GeoJSON text built in SQL.
import { districtsWithCounts } from '../../db/queries/districts.js';
import { gridCellsWithClueCounts, type GridCellsParams } from '../../db/queries/grid-cells.js';
import { streetsInDistrict } from '../../db/queries/streets.js';
import type { UserRow } from '../../db/queries/users.js';
import { scopedTo, scopeOf } from './access.js';
import type { Deps } from './deps.js';

type GeographyDeps = Pick<Deps, 'database'>;

export const districtLayer = (deps: GeographyDeps, user: UserRow): Promise<string> => districtsWithCounts(deps.database, { scope: scopeOf(user) });

export const streetLayer = (deps: GeographyDeps, user: UserRow, q: { district?: string }): Promise<string> =>
  streetsInDistrict(deps.database, scopedTo(user, q.district));

export const gridCellLayer = (deps: GeographyDeps, user: UserRow, q: Omit<GridCellsParams, 'scope'>): Promise<string> =>
  gridCellsWithClueCounts(deps.database, { ...q, ...scopedTo(user, q.district) });
