import { sql } from 'drizzle-orm';
import { check, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { districts } from './districts.js';

/**
 * Bearer tokens for GIS clients (QGIS, ogr2ogr) reading the OGC API – Features at /ogc. A token reads only, in its
 * scope (the city or one district), like an account of that scope; only its SHA-256 is stored, the token itself is
 * shown once, when an administrator issues it.
 */
export const gisTokens = pgTable(
  'gis_tokens',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    /** null = city-wide; otherwise the token reads only this district's features. */
    districtCode: text('district_code').references(() => districts.code),
    tokenHash: text('token_hash').notNull().unique(),
    /** Username of the administrator who issued it. */
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    /** Set once: a revoked token is refused for good. */
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [check('gis_tokens_name', sql`btrim(${t.name}) <> ''`)],
);
