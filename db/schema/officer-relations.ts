import { boolean, date, index, integer, pgTable, serial, text, unique } from 'drizzle-orm/pg-core';
import { officers } from './officers.js';
import { institutions } from './institutions.js';
import { officerRelationKind } from './enums.js';

/**
 * 利害关系登记: an officer's registered relation to an institution (kind in server/domain/vocabulary.ts). An officer
 * never inspects an institution related to them (回避); the joint-team draw reads this table.
 */
export const officerRelations = pgTable(
  'officer_relations',
  {
    id: serial('id').primaryKey(),
    officerId: integer('officer_id')
      .notNull()
      .references(() => officers.id, { onDelete: 'cascade' }),
    institutionId: integer('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    kind: officerRelationKind('kind').notNull(),
    /** What was declared, in the officer's words. */
    note: text('note').notNull(),
    registeredOn: date('registered_on').notNull(),
    synthetic: boolean('synthetic').notNull().default(true),
  },
  (t) => [unique('officer_relations_pair').on(t.officerId, t.institutionId), index('officer_relations_institution_idx').on(t.institutionId)],
);
