import { index, integer, json, jsonb, pgTable, serial, timestamp, unique } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns.js';
import { users } from './users.js';

/**
 * The plan of a campaign version (专项行动方案): the contract's CampaignPlan as JSON, and what replays its 双随机 draw
 * (the draw's input and result). One plan per version; re-planning a district-day rewrites it.
 */
export const campaignPlans = pgTable(
  'campaign_plans',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id').notNull().references(() => campaigns.id, { onDelete: 'cascade' }),
    campaignVersion: integer('campaign_version').notNull(),
    plan: jsonb('plan').notNull(),
    /**
     * `{ input, result }` of the registry draw, for replayInspectionDraw. json, not jsonb: the replay compares the
     * recorded result as written, and jsonb would reorder its keys.
     */
    drawRecord: json('draw_record').notNull(),
    createdBy: integer('created_by').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('campaign_plans_version').on(t.campaignId, t.campaignVersion), index('campaign_plans_campaign_idx').on(t.campaignId)],
);
