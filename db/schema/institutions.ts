import { boolean, check, date, index, integer, pgTable, serial, text, time, timestamp } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { geometry } from './geometry.js';
import { districts } from './districts.js';
import { gridCells } from './grid-cells.js';
import { institutionCategory, institutionNature, institutionStatus, listStatus } from './enums.js';

/** 校外培训机构. */
export const institutions = pgTable(
  'institutions',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    /** 统一社会信用代码, 18 characters (GB 32100). */
    creditCode: text('credit_code'),
    /** 办学许可证号. */
    licenceNo: text('licence_no'),
    category: institutionCategory('category').notNull(),
    nature: institutionNature('nature').notNull(),
    status: institutionStatus('status').notNull(),
    listStatus: listStatus('list_status').notNull().default('none'),
    address: text('address').notNull(),
    geom: geometry('geom', 'Point').notNull(),
    districtCode: text('district_code').notNull().references(() => districts.code),
    gridCellId: integer('grid_cell_id').references(() => gridCells.id),
    lastInspectedOn: date('last_inspected_on'),
    /**
     * Opening hours (营业时间), Shanghai clock: on school days, and on weekends, holidays and vacation days. The joint
     * teams' routes keep to them. Null = not known (any time of the shift).
     */
    weekdayOpens: time('weekday_opens'),
    weekdayCloses: time('weekday_closes'),
    weekendOpens: time('weekend_opens'),
    weekendCloses: time('weekend_closes'),
    synthetic: boolean('synthetic').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('institutions_geom_gist').using('gist', t.geom),
    index('institutions_district_idx').on(t.districtCode),
    index('institutions_grid_cell_idx').on(t.gridCellId),
    index('institutions_status_idx').on(t.status),
    // An import checks each batch's codes against the stored ones; without it that check reads the whole table.
    index('institutions_credit_code_idx').on(t.creditCode),
    check('institutions_geom_valid', sql`ST_IsValid(${t.geom})`),
    check('institutions_weekday_hours', sql`(${t.weekdayOpens} IS NULL) = (${t.weekdayCloses} IS NULL) AND (${t.weekdayOpens} IS NULL OR ${t.weekdayOpens} < ${t.weekdayCloses})`),
    check('institutions_weekend_hours', sql`(${t.weekendOpens} IS NULL) = (${t.weekendCloses} IS NULL) AND (${t.weekendOpens} IS NULL OR ${t.weekendOpens} < ${t.weekendCloses})`),
    check('institutions_credit_code_format', sql`${t.creditCode} IS NULL OR ${t.creditCode} ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'`),
  ],
);
