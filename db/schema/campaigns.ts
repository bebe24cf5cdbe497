import { check, index, integer, jsonb, pgEnum, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { campaignStatuses } from '../../server/domain/campaign.js';
import { users } from './users.js';

export const campaignStatus = pgEnum('campaign_status', campaignStatuses);

/**
 * 专项行动: the lifecycle of a campaign and which of its versions is current. The districts are copied from the current
 * version so that a district-scoped read filters on a column, not inside JSON.
 */
export const campaigns = pgTable(
  'campaigns',
  {
    id: serial('id').primaryKey(),
    status: campaignStatus('status').notNull().default('draft'),
    currentVersion: integer('current_version').notNull().default(1),
    districts: text('districts').array().notNull(),
    createdBy: integer('created_by').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('campaigns_districts_gin').using('gin', t.districts),
    check('campaigns_has_district', sql`cardinality(${t.districts}) > 0`),
  ],
);

/**
 * Each version's definition (name, type, dates, districts, focus, goals) as the contract's JSON. A version is written
 * while it is a draft and frozen once submitted; editing an approved campaign starts the next version.
 */
export const campaignVersions = pgTable(
  'campaign_versions',
  {
    campaignId: integer('campaign_id').notNull().references(() => campaigns.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    definition: jsonb('definition').notNull(),
    createdBy: integer('created_by').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    submittedBy: integer('submitted_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedBy: integer('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    /** Why an approver sent it back (退回), kept with the version. */
    returnNote: text('return_note'),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.version] }), check('campaign_versions_positive', sql`${t.version} > 0`)],
);
