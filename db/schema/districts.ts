import { boolean, check, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { geometry } from './geometry.js';

/** 区县: GB/T 2260 six-digit code. */
export const districts = pgTable(
  'districts',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    geom: geometry('geom', 'MultiPolygon').notNull(),
    synthetic: boolean('synthetic').notNull().default(false),
    /** 常住人口 (resident population), for figures per resident such as the review's clues per 10,000; null when unknown. */
    population: integer('population'),
  },
  (t) => [
    index('districts_geom_gist').using('gist', t.geom),
    check('districts_geom_valid', sql`ST_IsValid(${t.geom})`),
    check('districts_population_positive', sql`${t.population} IS NULL OR ${t.population} > 0`),
  ],
);
