import { boolean, check, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { geometry } from './geometry.js';
import { districts } from './districts.js';
import { gridCells } from './grid-cells.js';
import { institutions } from './institutions.js';
import { clueSource, clueStatus, suspectedType } from './enums.js';

/** 线索: a report of a suspected violation, the input of the clue loop and of hotspot analysis. */
export const clues = pgTable(
  'clues',
  {
    id: serial('id').primaryKey(),
    source: clueSource('source').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    geom: geometry('geom', 'Point').notNull(),
    address: text('address').notNull(),
    description: text('description').notNull(),
    suspectedType: suspectedType('suspected_type').notNull(),
    status: clueStatus('status').notNull().default('received'),
    institutionId: integer('institution_id').references(() => institutions.id),
    districtCode: text('district_code').notNull().references(() => districts.code),
    gridCellId: integer('grid_cell_id').references(() => gridCells.id),
    /** 办理时限. */
    dueAt: timestamp('due_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    synthetic: boolean('synthetic').notNull().default(true),
  },
  (t) => [
    index('clues_geom_gist').using('gist', t.geom),
    index('clues_reported_at_idx').on(t.reportedAt),
    index('clues_district_reported_idx').on(t.districtCode, t.reportedAt),
    index('clues_grid_cell_reported_idx').on(t.gridCellId, t.reportedAt),
    index('clues_institution_idx').on(t.institutionId),
    check('clues_geom_valid', sql`ST_IsValid(${t.geom})`),
  ],
);
