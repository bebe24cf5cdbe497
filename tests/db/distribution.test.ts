import { beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client.js';
import { DISTRIBUTION_COLUMN, foreignKeysToChange, tablePlacements, type Placement } from '../../db/distribution.js';
import { parsedRows } from '../../db/queries/queryable.js';
import { testDatabase } from '../support/db.js';

// The distributed layout (db/distribution.ts, docs/scale.md#past-one-machine) held against the migrated catalog of
// whichever engine the suite runs on: every table placed, the district-keyed ones with the key, and the foreign keys a
// distributed PostgreSQL could not keep named, so that neither a new table nor a new key slips past the plan.

let database: Database;
let tables: { name: string; hasDistrictCode: boolean; districtCodeNullable: boolean }[];
let foreignKeys: { from: string; fromColumns: string[]; to: string; toColumns: string[] }[];

beforeAll(async () => {
  database = await testDatabase();
  tables = await parsedRows(
    database,
    z.object({ name: z.string(), hasDistrictCode: z.boolean(), districtCodeNullable: z.boolean() }),
    sql`
      SELECT c.relname AS name,
             EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = ${DISTRIBUTION_COLUMN} AND NOT a.attisdropped) AS "hasDistrictCode",
             COALESCE((SELECT NOT a.attnotnull FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = ${DISTRIBUTION_COLUMN} AND NOT a.attisdropped), false) AS "districtCodeNullable"
      FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      ORDER BY 1`,
  );
  foreignKeys = await parsedRows(
    database,
    z.object({ from: z.string(), fromColumns: z.array(z.string()), to: z.string(), toColumns: z.array(z.string()) }),
    sql`
      SELECT f.relname AS "from", t.relname AS "to",
             ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(n, o) JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.o) AS "fromColumns",
             ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(n, o) JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.o) AS "toColumns"
      FROM pg_constraint k JOIN pg_class f ON f.oid = k.conrelid JOIN pg_class t ON t.oid = k.confrelid
      WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace AND NOT f.relispartition AND k.conparentid = 0
      ORDER BY 1, 3, 2`,
  );
});

const placementOf = (table: string): Placement => {
  const placement = tablePlacements[table];
  if (!placement) throw new Error(`${table} has no placement in db/distribution.ts`);
  return placement;
};
const districtKeyed = (p: Placement) => p.kind === 'distributed' || p.kind === 'colocated-child';
const sharded = (p: Placement) => districtKeyed(p) || p.kind === 'distributed-by';

/** Whether a distributed PostgreSQL keeps this key as it is: Citus's rules for keys between its kinds of table. */
function keptAsItIs(fk: (typeof foreignKeys)[number]): boolean {
  const from = placementOf(fk.from);
  const to = placementOf(fk.to);
  if (to.kind === 'reference') return true;
  if (from.kind === 'coordinator' && to.kind === 'coordinator') return true;
  if (districtKeyed(from) && districtKeyed(to)) return fk.fromColumns.includes(DISTRIBUTION_COLUMN) && fk.toColumns.includes(DISTRIBUTION_COLUMN);
  return false;
}

describe('the distributed layout against the schema', () => {
  test('every table is placed, and every placed table exists', () => {
    expect(tables.length).toBeGreaterThan(30);
    expect(tables.map((t) => t.name).filter((name) => !(name in tablePlacements))).toEqual([]);
    expect(Object.keys(tablePlacements).filter((name) => !tables.some((t) => t.name === name))).toEqual([]);
  });

  test('a table sharded by district has a district code that is never empty', () => {
    const distributed = tables.filter((t) => placementOf(t.name).kind === 'distributed');
    expect(distributed.map((t) => t.name)).toContain('clues');
    expect(distributed.filter((t) => !t.hasDistrictCode || t.districtCodeNullable).map((t) => t.name)).toEqual([]);
  });

  test('the tables without a district code of their own are the children, the reference and the coordinator tables, each with why', () => {
    const without = tables.filter((t) => !t.hasDistrictCode || t.districtCodeNullable);
    for (const t of without) {
      const placement = placementOf(t.name);
      expect(placement.kind, t.name).not.toBe('distributed');
      expect(placement.why.length, t.name).toBeGreaterThan(10);
    }
    expect(without.map((t) => t.name)).toContain('audit_log');
  });

  test("a child is sharded beside its parent: it points at it, and the parent is district-keyed", () => {
    for (const [name, placement] of Object.entries(tablePlacements)) {
      if (placement.kind !== 'colocated-child') continue;
      expect(districtKeyed(placementOf(placement.parent)), name).toBe(true);
      expect(foreignKeys.some((fk) => fk.from === name && fk.to === placement.parent), `${name} → ${placement.parent}`).toBe(true);
      expect(tables.find((t) => t.name === name)?.hasDistrictCode, name).toBe(false);
    }
  });

  test('a table sharded by another key has that key', async () => {
    for (const [name, placement] of Object.entries(tablePlacements)) {
      if (placement.kind !== 'distributed-by') continue;
      const [row] = await parsedRows(database, z.object({ found: z.boolean() }), sql`
        SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ${name} AND column_name = ${placement.column}) AS found`);
      expect(row.found, `${name}.${placement.column}`).toBe(true);
      expect(sharded(placement)).toBe(true);
    }
  });

  test('the foreign keys a distributed layout could not keep are exactly the ones named, and the rest it keeps', () => {
    const named = (fk: (typeof foreignKeys)[number]) => `${fk.from}(${fk.fromColumns.join(', ')}) → ${fk.to}(${fk.toColumns.join(', ')})`;
    expect(foreignKeys.length).toBeGreaterThan(40);
    expect(foreignKeys.filter((fk) => !keptAsItIs(fk)).map(named).sort()).toEqual([...foreignKeysToChange].sort());
  });
});
