import { createRoute, z } from '@hono/zod-openapi';
import { campaignDaySchema } from './calendar.js';
import { rankingRowSchema } from './campaign-report.js';
import { progressCountsSchema, teamPositionSchema } from './campaign-progress.js';
import { liveEventSchema } from './events.js';
import { jsonContent, protectedRoute } from './route-config.js';

// The command-centre wall's one read (`GET /api/wall/overview`): today in the caller's scope, as the wall's panels
// show it, so that a wall costs one request per refresh whatever the scene.

const lonLat = z.tuple([z.number(), z.number()]);

const dayFiguresShape = {
  /** Today's planned stops of the active campaigns, and those done (checked in), confirmed (co-signed). */
  planned: z.number().int(),
  done: z.number().int(),
  confirmed: z.number().int(),
  /** Clues reported today, closed today, and open past their 办理时限 now. */
  cluesReceived: z.number().int(),
  cluesClosed: z.number().int(),
  cluesOverdue: z.number().int(),
  /** Team-shifts of today whose shift is under way now. */
  activeTeams: z.number().int(),
};

export const wallOverviewSchema = z
  .object({
    asOf: z.string(),
    /** Today in Asia/Shanghai, and its day type (school day, weekend, holiday, vacation). */
    date: z.string(),
    day: campaignDaySchema,
    /** The caller's scope: null = city-wide. */
    districtCode: z.string().nullable(),
    totals: z.object(dayFiguresShape),
    districts: z.array(z.object({ districtCode: z.string(), name: z.string(), ...dayFiguresShape })),
    /** The active campaign with most stops today (its whole span's progress), or null. */
    campaign: z
      .object({
        id: z.number().int(),
        name: z.string(),
        startsOn: z.string(),
        endsOn: z.string(),
        totals: progressCountsSchema,
        districts: z.array(z.object({ districtCode: z.string(), ...progressCountsSchema.shape })),
        results: z.array(z.object({ result: z.string(), count: z.number().int() })),
      })
      .nullable(),
    /** 拉榜排名 of the campaign's districts (rankDistricts, the formula of the after-action report and the review). */
    ranking: z.array(rankingRowSchema),
    /** Today's team-shifts of the active campaigns: route, progress, last position. */
    teams: z.array(
      z.object({
        campaignId: z.number().int(),
        teamId: z.string(),
        label: z.string(),
        districtCode: z.string(),
        lead: z.string().nullable(),
        start: z.string(),
        end: z.string(),
        underWay: z.boolean(),
        planned: z.number().int(),
        done: z.number().int(),
        line: z.array(lonLat),
        lastPosition: teamPositionSchema.nullable(),
      }),
    ),
    /** Positions of the last hour per team (arrivals and check-ins), for the playback; seconds since `trailFrom`. */
    trailFrom: z.string(),
    trails: z.array(z.object({ campaignId: z.number().int(), teamId: z.string(), path: z.array(lonLat), seconds: z.array(z.number()) })),
    /** The newest live events of the scope, newest first: the ticker's first lines. */
    recentEvents: z.array(liveEventSchema),
  })
  .openapi('WallOverview');
export type WallOverview = z.infer<typeof wallOverviewSchema>;

export const wallOverviewRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/wall/overview',
    tags: ['wall'],
    summary: 'The command-centre wall: today in the caller’s scope (KPIs per district, the active campaign, 拉榜排名, teams, trails, recent events)',
    responses: { 200: jsonContent(wallOverviewSchema, 'today on the wall') },
  }),
);

