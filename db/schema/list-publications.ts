import { check, date, index, integer, jsonb, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from './users.js';

/**
 * 黑白名单, 一月一公布: one row per published version of a month's lists. A published version is never changed: a
 * correction is the month's next version, the earlier ones kept as they were (the service only ever inserts).
 */
export const listPublications = pgTable(
  'list_publications',
  {
    id: serial('id').primaryKey(),
    /** The month published, 'YYYY-MM'. */
    month: text('month').notNull(),
    version: integer('version').notNull(),
    /** The registry's data as of the end of this Shanghai date (the last day of the month before). */
    dataAsOf: date('data_as_of').notNull(),
    /** The black and white list entries with their reasons and credit tiers: `{ black: [...], white: [...] }`. */
    entries: jsonb('entries').notNull(),
    /** The difference from the publication before (or from the registry, for the first). */
    diff: jsonb('diff').notNull(),
    /** Institutions per credit tier A–D over every institution scored. */
    tierCounts: jsonb('tier_counts').notNull(),
    /** Why this version corrects the one before; null for a month's first version. */
    correctionNote: text('correction_note'),
    publishedBy: integer('published_by')
      .notNull()
      .references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('list_publications_month_version').on(t.month, t.version),
    index('list_publications_published_at_idx').on(t.publishedAt),
    check('list_publications_month_format', sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check('list_publications_version_positive', sql`${t.version} >= 1`),
  ],
);
