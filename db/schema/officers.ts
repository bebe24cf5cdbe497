import { boolean, check, date, index, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { geometry } from './geometry.js';
import { districts } from './districts.js';
import { departments } from './departments.js';
import { streets } from './streets.js';

/**
 * 执法检查人员名录库: only officers with a valid certificate may inspect (持证上岗). The district is the one the officer
 * works for; the home 街镇 is where the officer lives (null when not registered), for the optional recusal from
 * inspecting in one's own street.
 */
export const officers = pgTable(
  'officers',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    departmentCode: text('department_code').notNull().references(() => departments.code),
    districtCode: text('district_code').notNull().references(() => districts.code),
    certificateNo: text('certificate_no').notNull().unique(),
    /** The last day the certificate (执法证) is valid. */
    certificateExpiresOn: date('certificate_expires_on').notNull(),
    homeStreetCode: text('home_street_code').references(() => streets.code),
    base: geometry('base', 'Point').notNull(),
    synthetic: boolean('synthetic').notNull().default(true),
  },
  (t) => [
    index('officers_district_idx').on(t.districtCode),
    index('officers_base_gist').using('gist', t.base),
    check('officers_base_valid', sql`ST_IsValid(${t.base})`),
  ],
);
