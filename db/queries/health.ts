import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { parsedRows, type Queryable } from './queryable.js';

/** PostGIS answers, so the database and its extension are usable. */
export async function postgisVersion(q: Queryable): Promise<string> {
  const [row] = await parsedRows(q, z.object({ version: z.string() }), sql`SELECT postgis_lib_version() AS version`);
  return row.version;
}
