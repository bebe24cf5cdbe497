import { sql } from 'drizzle-orm';
import type { Queryable } from './queryable.js';

/** PostGIS answers, so the database and its extension are usable. */
export async function postgisVersion(q: Queryable): Promise<string> {
  const [row] = await q.rows<{ version: string }>(sql`SELECT postgis_lib_version() AS version`);
  return row.version;
}
