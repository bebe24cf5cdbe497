import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../client.js';

/** What a query function needs: a database or an open transaction. */
export interface Queryable {
  rows<T = Record<string, unknown>>(query: SQL): Promise<T[]>;
}

/** Runs `work` in one transaction; everything it writes (the change and its audit row) commits or rolls back together. */
export async function inTransaction<T>(database: Database, work: (tx: Queryable) => Promise<T>): Promise<T> {
  return database.db.transaction(async (tx) =>
    work({
      async rows<R>(query: SQL) {
        const result = (await tx.execute(query)) as unknown as { rows: R[] };
        return result.rows;
      },
    }),
  );
}

/** District scope of the requesting user: null = city-wide. Every read and write query takes one. */
export interface Scope {
  districtCode: string | null;
}

export const cityWide: Scope = { districtCode: null };

/** `column` restricted to the user's district and to an explicitly asked district, both bound as parameters. */
export function districtFilter(column: SQL, scope: Scope, district?: string): SQL {
  const parts: SQL[] = [];
  if (scope.districtCode !== null) parts.push(sql`${column} = ${scope.districtCode}`);
  if (district !== undefined) parts.push(sql`${column} = ${district}`);
  return parts.length ? sql.join(parts, sql` AND `) : sql`TRUE`;
}

/** `column IN (…)` for an optional list of values; TRUE when the list is absent. */
export function anyOf(column: SQL, values: readonly string[] | undefined): SQL {
  if (!values || values.length === 0) return sql`TRUE`;
  return sql`${column} IN (${sql.join(values.map((v) => sql`${v}`), sql`, `)})`;
}

export interface BboxDegrees {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/** `&&` against an envelope so that the GiST index on `column` is used. */
export function inBbox(column: SQL, bbox: BboxDegrees | undefined): SQL {
  if (!bbox) return sql`TRUE`;
  return sql`${column} && ST_MakeEnvelope(${bbox.minLon}::float8, ${bbox.minLat}::float8, ${bbox.maxLon}::float8, ${bbox.maxLat}::float8, 4326)`;
}

/** A bound timestamptz parameter (ISO text, so both drivers send the same thing). */
export function instant(date: Date): SQL {
  return sql`${date.toISOString()}::timestamptz`;
}

/** A timestamptz as ISO 8601 UTC text with milliseconds, the same on every server time zone. */
export function isoUtc(column: SQL): SQL {
  return sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/**
 * A bound json parameter. Batches of rows travel as one and are unpacked with json_to_recordset, so a few
 * thousand rows cost one round trip on either engine.
 */
export function jsonParam(value: unknown): SQL {
  return sql`${JSON.stringify(value)}::json`;
}

/** Drivers differ on whether a json column arrives parsed; this accepts both. */
export function parsedJson<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}
