import { boolean, check, index, pgTable, text } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { geometry } from './geometry.js';
import { districts } from './districts.js';

/** 街镇: street (街道) or town (镇), GB/T 2260 extended nine-digit code. Geometry is the union of its grid cells. */
export const streets = pgTable(
  'streets',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    districtCode: text('district_code').notNull().references(() => districts.code),
    geom: geometry('geom', 'MultiPolygon'),
    synthetic: boolean('synthetic').notNull().default(false),
  },
  (t) => [
    index('streets_district_idx').on(t.districtCode),
    index('streets_geom_gist').using('gist', t.geom),
    check('streets_geom_valid', sql`${t.geom} IS NULL OR ST_IsValid(${t.geom})`),
  ],
);
