import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { districts } from './districts.js';
import { users } from './users.js';

/**
 * The command centre's paired wall displays (大屏). A display holds a long-lived pairing token, of which only the
 * SHA-256 is stored (like a session's), and reads through an account of its own (role `wall`, the display's district),
 * so that it is read-only and district-scoped by the same rules as every other account.
 */
export const wallDisplays = pgTable(
  'wall_displays',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    /** null = city-wide; otherwise the display (and its account) sees only this district. */
    districtCode: text('district_code').references(() => districts.code),
    /** The auto-tour's scenes and night hours (server/contract/wall-displays.ts playlistSchema). */
    playlist: jsonb('playlist').notNull(),
    /** Hex SHA-256 of the pairing token; the token itself is shown once, at creation. */
    tokenHash: text('token_hash').notNull().unique(),
    /** The display's own account, which its sessions belong to. */
    userId: integer('user_id')
      .notNull()
      .unique()
      .references(() => users.id),
    /** Username of the administrator who created it. */
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastPairedAt: timestamp('last_paired_at', { withTimezone: true }),
    /** Set once: a revoked display is refused its token for good. */
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [check('wall_displays_name', sql`btrim(${t.name}) <> ''`)],
);
