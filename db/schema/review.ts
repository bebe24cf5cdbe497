import { check, integer, jsonb, pgTable, timestamp } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from './users.js';

/**
 * The review ranking's weights (拉榜排名), one row per version: the newest is in force, the older ones say what the
 * ranking was scored on before. Without a row the defaults apply (version 1).
 */
export const rankingWeights = pgTable(
  'ranking_weights',
  {
    version: integer('version').primaryKey(),
    weights: jsonb('weights').notNull(),
    setBy: integer('set_by')
      .notNull()
      .references(() => users.id),
    setAt: timestamp('set_at', { withTimezone: true }).notNull(),
  },
  (t) => [check('ranking_weights_version', sql`${t.version} >= 2`)],
);
