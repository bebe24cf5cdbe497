import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Database } from '../client.js';

/** What a query function needs: a database or an open transaction. */
export interface Queryable {
  /**
   * Runs one statement. Its rows are as the driver made them (pg and PGlite differ on int8, json and timestamps):
   * use it for statements whose result is not read, and parsedRows for the others.
   */
  rows(query: SQL): Promise<Record<string, unknown>[]>;
  /**
   * As `rows`, for a statement run so often that parsing and planning it each time costs about as much as running it
   * (a vector tile: a few hundred microseconds each): the server keeps it planned. Absent (PGlite, a transaction) =
   * `rows`. Rows as pg's own parsers make them, so only for results whose types both parse alike (bytea).
   */
  preparedRows?(statement: RenderedStatement): Promise<Record<string, unknown>[]>;
}

/** Runs `work` in one transaction; everything it writes (the change and its audit row) commits or rolls back together. */
export async function inTransaction<T>(database: Database, work: (tx: Queryable) => Promise<T>): Promise<T> {
  return database.db.transaction(async (tx) => work({ rows: async (query) => (await tx.execute(query)).rows }));
}

/**
 * A query answered rows of another shape than its function declares. That is a bug of the SQL or a driver
 * difference, never bad input, so it is not caught anywhere below the error handler.
 */
export class RowShapeError extends Error {
  override name = 'RowShapeError';
}

/** Runs `query` and parses every row with `schema`, which also converts what the two drivers answer differently. */
export async function parsedRows<S extends z.ZodType>(q: Queryable, schema: S, query: SQL): Promise<z.output<S>[]> {
  return parsedFrom(schema, await q.rows(query), () => new PgDialect().sqlToQuery(query).sql);
}

/** A statement's text and values, rendered already (db/queries/tiles.ts#mvtTileStatement). */
export interface RenderedStatement {
  sql: string;
  params: unknown[];
}

/** parsedRows for a rendered statement, kept planned by the engine where it can (Queryable.preparedRows). */
export async function parsedPreparedRows<S extends z.ZodType>(q: Queryable, schema: S, statement: RenderedStatement, query: () => SQL): Promise<z.output<S>[]> {
  const rows = q.preparedRows ? await q.preparedRows(statement) : await q.rows(query());
  return parsedFrom(schema, rows, () => statement.sql);
}

function parsedFrom<S extends z.ZodType>(schema: S, rows: Record<string, unknown>[], text: () => string): z.output<S>[] {
  return rows.map((row, index) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) throw new RowShapeError(shapeMessage(text(), index, parsed.error));
    return parsed.data;
  });
}

function shapeMessage(text: string, index: number, error: z.ZodError): string {
  const [issue] = error.issues;
  const where = issue.path.length ? `column ${issue.path.map(String).join('.')}` : 'the row';
  const statement = text.replace(/\s+/g, ' ').trim();
  const excerpt = statement.length > 120 ? `${statement.slice(0, 120)}…` : statement;
  return `row ${index} of a query does not match its schema: ${where}: ${issue.message} (${excerpt})`;
}

const integerText = /^-?\d+$/;
/** timestamptz as PostgreSQL writes it with DateStyle ISO: '2026-11-01 08:00:00.123456+08' (or ISO 8601). */
const timestamptzText = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}(?::?\d{2})?)$/;

/** PostgreSQL's text of a timestamptz as an ISO 8601 string that every JavaScript engine parses the same. */
function isoFromTimestamptz(text: string): string | null {
  const match = timestamptzText.exec(text);
  if (!match) return null;
  const [, date, time, fraction = '', zone] = match;
  const offset = zone === 'Z' ? 'Z' : zone.length === 3 ? `${zone}:00` : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  return `${date}T${time}.${fraction.padEnd(3, '0').slice(0, 3)}${offset}`;
}

/** Column schemas for the values that the drivers return in different forms. */
export const col = {
  /** int4 arrives as a number from both drivers; int8 (count(*), bigserial ids) as text from pg, as a number from PGlite. */
  int: z.union([z.int(), z.string().regex(integerText).transform(Number).pipe(z.int())]),

  /** timestamptz, as a Date or as PostgreSQL's text (drizzle keeps the text on both drivers); always a Date. */
  timestamp: z.union([
    z.date(),
    z.string().transform((text, ctx) => {
      const iso = isoFromTimestamptz(text);
      const date = iso === null ? null : new Date(iso);
      if (date && !Number.isNaN(date.getTime())) return date;
      ctx.addIssue({ code: 'custom', message: `not a timestamptz: '${text}'` });
      return z.NEVER;
    }),
  ]),

  /**
   * A JSON value checked with `schema`: JSON text (`…::text`, how aggregates are sent) or a json / jsonb column the
   * driver has already parsed.
   */
  json<S extends z.ZodType>(schema: S) {
    return z
      .unknown()
      .transform((value, ctx) => {
        if (typeof value !== 'string') return value;
        try {
          return JSON.parse(value) as unknown;
        } catch {
          ctx.addIssue({ code: 'custom', message: 'not JSON text' });
          return z.NEVER;
        }
      })
      .pipe(schema);
  },

  /**
   * An array of integers checked in one loop instead of an element-wise parse: such arrays (cell ids and counts)
   * can hold a million entries between them.
   */
  intArray: z.custom<number[]>((value) => Array.isArray(value) && value.every(Number.isInteger), 'expected an array of integers'),
};

const bodyRow = z.object({ body: z.string() });

/**
 * The `body` of a statement that builds one JSON document in SQL (a FeatureCollection): it is passed on as text,
 * unparsed, which is what keeps the map's answers fast.
 */
export async function jsonBody(q: Queryable, query: SQL): Promise<string> {
  const [row] = await parsedRows(q, bodyRow, query);
  return row.body;
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
