import { beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client.js';
import { col, inTransaction, parsedRows, RowShapeError } from '../../db/queries/queryable.js';
import { testDatabase } from '../support/db.js';

// The column schemas exist because pg and PGlite answer the same SQL with different JavaScript values; these run
// on whichever engine the suite runs on, so each schema is proven against both drivers.

let database: Database;

beforeAll(async () => {
  database = await testDatabase();
});

describe('parsedRows', () => {
  test('integers: int4, int8 and count(*) all arrive as numbers', async () => {
    const rows = await parsedRows(
      database,
      z.object({ small: col.int, big: col.int, counted: col.int }),
      sql`SELECT 7::int AS small, 9007199254740991::int8 AS big, count(*) AS counted FROM generate_series(1, 3)`,
    );
    expect(rows).toEqual([{ small: 7, big: 9007199254740991, counted: 3 }]);
  });

  test('an int8 beyond 2^53 is refused instead of being rounded', async () => {
    const read = parsedRows(database, z.object({ big: col.int }), sql`SELECT 9007199254740993::int8 AS big`);
    await expect(read).rejects.toBeInstanceOf(RowShapeError);
  });

  test('timestamps are the same instant whatever the session time zone', async () => {
    const at = new Date('2026-11-01T08:30:15.123Z');
    const read = (zone: string) =>
      inTransaction(database, async (tx) => {
        await tx.rows(sql`SELECT set_config('TimeZone', ${zone}, true)`);
        return parsedRows(tx, z.object({ at: col.timestamp }), sql`SELECT ${at.toISOString()}::timestamptz AS at`);
      });
    for (const zone of ['UTC', 'Asia/Shanghai', 'Asia/Kolkata', 'America/St_Johns']) {
      const [row] = await read(zone);
      expect(row.at, zone).toBeInstanceOf(Date);
      expect(row.at.toISOString(), zone).toBe(at.toISOString());
    }
  });

  test('JSON arrives parsed and checked, from a json column or from text', async () => {
    const schema = z.object({ parsed: col.json(z.object({ a: z.int() })), text: col.json(z.array(z.string())) });
    const rows = await parsedRows(database, schema, sql`SELECT '{"a":1}'::json AS parsed, '["x","y"]'::json::text AS text`);
    expect(rows).toEqual([{ parsed: { a: 1 }, text: ['x', 'y'] }]);
  });

  test('a row of another shape is an error naming the row, the column and the query', async () => {
    const read = parsedRows(database, z.object({ n: col.int }), sql`SELECT 1 AS n UNION ALL SELECT NULL ORDER BY 1`);
    await expect(read).rejects.toThrow(/^row 1 of a query does not match its schema: column n: .* \(SELECT 1 AS n UNION ALL SELECT NULL ORDER BY 1\)$/);
  });
});

describe('column schemas', () => {
  test('timestamp text as PostgreSQL writes it, with microseconds and any offset', () => {
    const parse = (value: unknown) => col.timestamp.parse(value).toISOString();
    expect(parse('2026-11-01 08:30:15.123456+00')).toBe('2026-11-01T08:30:15.123Z');
    expect(parse('2026-11-01 16:30:15+08')).toBe('2026-11-01T08:30:15.000Z');
    expect(parse('2026-11-01 14:00:15.5+05:30')).toBe('2026-11-01T08:30:15.500Z');
    expect(parse(new Date('2026-11-01T08:30:15Z'))).toBe('2026-11-01T08:30:15.000Z');
    expect(col.timestamp.safeParse('2026-11-01 08:30:15').success).toBe(false);
    expect(col.timestamp.safeParse('yesterday').success).toBe(false);
    expect(col.timestamp.safeParse(new Date(Number.NaN)).success).toBe(false);
  });

  test('integers and integer arrays', () => {
    expect(col.int.parse('-42')).toBe(-42);
    for (const bad of ['4.2', '', '1e3', 4.2, null, true]) expect(col.int.safeParse(bad).success, String(bad)).toBe(false);
    expect(col.intArray.parse([1, 2, 3])).toEqual([1, 2, 3]);
    for (const bad of [[1, 2.5], ['1'], { length: 0 }, null]) expect(col.intArray.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });
});
