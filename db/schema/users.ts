import { check, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { districts } from './districts.js';
import { officers } from './officers.js';
import { userRole } from './enums.js';

export const users = pgTable(
  'users',
  {
  id: serial('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  /** scrypt$N$r$p$salt$hash, see server/auth/password.ts */
  passwordHash: text('password_hash').notNull(),
  role: userRole('role').notNull(),
  /** null = city-wide; otherwise the user sees only this district's rows. */
  districtCode: text('district_code').references(() => districts.code),
  /** A field account (role `field`) is one officer of the registry; null for every other role. */
  officerId: integer('officer_id')
    .unique()
    .references(() => officers.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Compared as text: a check may not name an enum value added in the same migration's transaction.
  (t) => [check('users_field_officer', sql`(${t.officerId} IS NOT NULL) = (${t.role}::text = 'field')`)],
);

/** Server-side sessions, so that logout and expiry really end access. Only the token's SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Absolute end of the session. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Last request seen (written at most once a minute); the idle timeout counts from here. */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);
