import { check, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * 责任矩阵, one row per version: the newest is in force, and each dispatch names the version and rule it followed,
 * so an older dispatch can still be read against the matrix of its day. Version 1 is the default matrix
 * (server/domain/responsibility-matrix.ts), stored by the seed; without any row the default applies as version 1.
 */
export const responsibilityMatrices = pgTable(
  'responsibility_matrices',
  {
    version: integer('version').primaryKey(),
    rules: jsonb('rules').notNull(),
    /** The username of the administrator who stored it (`system` for the default). */
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [check('responsibility_matrices_version', sql`${t.version} >= 1`), check('responsibility_matrices_rules_array', sql`jsonb_typeof(${t.rules}) = 'array'`)],
);
