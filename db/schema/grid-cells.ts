import { boolean, check, index, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { geometry } from './geometry.js';
import { districts } from './districts.js';
import { streets } from './streets.js';

/** 网格: the basic unit of 网格化管理, each with its grid worker. */
export const gridCells = pgTable(
  'grid_cells',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull().unique(),
    districtCode: text('district_code').notNull().references(() => districts.code),
    streetCode: text('street_code').notNull().references(() => streets.code),
    workerName: text('worker_name').notNull(),
    geom: geometry('geom', 'MultiPolygon').notNull(),
    synthetic: boolean('synthetic').notNull().default(true),
  },
  (t) => [
    index('grid_cells_district_idx').on(t.districtCode),
    index('grid_cells_street_idx').on(t.streetCode),
    index('grid_cells_geom_gist').using('gist', t.geom),
    check('grid_cells_geom_valid', sql`ST_IsValid(${t.geom})`),
  ],
);
