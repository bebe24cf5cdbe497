import { index, integer, json, jsonb, pgTable, primaryKey, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
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
    /** json, not jsonb: a plan of a whole city runs to megabytes, and it is only ever read whole. */
    plan: json('plan').notNull(),
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

/**
 * The team-shifts of every stored plan, one row each with the targets of its stops: derived from `campaign_plans.plan`
 * by a trigger of the database (migration 0010), never written by the app. The phone page and its check-ins read one
 * officer's or one team's row from here in a moment, where reading it out of the plan's JSON parses a whole city's
 * plan each time (over 100 ms a request).
 */
export const planTeamShifts = pgTable(
  'plan_team_shifts',
  {
    planId: integer('plan_id').notNull().references(() => campaignPlans.id, { onDelete: 'cascade' }),
    campaignId: integer('campaign_id').notNull(),
    campaignVersion: integer('campaign_version').notNull(),
    /** The team's place in the plan's list (the order of a day's teams). */
    ordinal: integer('ordinal').notNull(),
    teamId: text('team_id').notNull(),
    districtCode: text('district_code').notNull(),
    date: text('date').notNull(),
    shiftStart: text('shift_start'),
    officerIds: integer('officer_ids').array().notNull(),
    team: jsonb('team').notNull(),
    shift: jsonb('shift'),
    targets: jsonb('targets').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.ordinal] }),
    index('plan_team_shifts_team_idx').on(t.campaignId, t.teamId),
    index('plan_team_shifts_date_idx').on(t.date),
    index('plan_team_shifts_officers_idx').using('gin', t.officerIds),
  ],
);
