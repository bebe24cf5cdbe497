import { boolean, check, date, index, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { geometry } from './geometry.js';
import { districts } from './districts.js';
import { departments } from './departments.js';

/** 执法检查人员: only officers with a valid certificate may inspect (持证上岗). */
export const officers = pgTable(
  'officers',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    departmentCode: text('department_code').notNull().references(() => departments.code),
    districtCode: text('district_code').notNull().references(() => districts.code),
    certificateNo: text('certificate_no').notNull().unique(),
    certificateExpiresOn: date('certificate_expires_on').notNull(),
    base: geometry('base', 'Point').notNull(),
    synthetic: boolean('synthetic').notNull().default(true),
  },
  (t) => [
    index('officers_district_idx').on(t.districtCode),
    index('officers_base_gist').using('gist', t.base),
    check('officers_base_valid', sql`ST_IsValid(${t.base})`),
  ],
);
