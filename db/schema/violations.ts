import { boolean, date, index, integer, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { institutions } from './institutions.js';
import { violationKind } from './enums.js';

/** 违规记录: a violation found at an inspection, dated, so that the risk score's three-year window applies. */
export const violations = pgTable(
  'violations',
  {
    id: serial('id').primaryKey(),
    institutionId: integer('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    /** The day the violation was established (认定日期), Shanghai calendar date. */
    occurredOn: date('occurred_on').notNull(),
    kind: violationKind('kind').notNull(),
    description: text('description').notNull(),
    synthetic: boolean('synthetic').notNull().default(true),
  },
  (t) => [index('violations_institution_occurred_idx').on(t.institutionId, t.occurredOn)],
);
