import { index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { districts } from './districts.js';
import { userRole } from './enums.js';

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  /** scrypt$N$r$p$salt$hash, see server/auth/password.ts */
  passwordHash: text('password_hash').notNull(),
  role: userRole('role').notNull(),
  /** null = city-wide; otherwise the user sees only this district's rows. */
  districtCode: text('district_code').references(() => districts.code),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

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
