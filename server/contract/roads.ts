import { createRoute, z } from '@hono/zod-openapi';
import { jsonContent, protectedRoute } from './route-config.js';

/** Most answers of a search: a combobox's list. */
export const MAX_ROAD_MATCHES = 20;

export const roadSearchQuerySchema = z.object({
  /** Part of a road's name as OpenStreetMap spells it (Chinese, or a Latin name). */
  q: z.string().trim().min(1, 'type part of a road name').max(50),
  limit: z.coerce.number().int().min(1).max(MAX_ROAD_MATCHES).default(8),
});

export const roadMatchSchema = z
  .object({
    name: z.string(),
    /** [lon, lat] WGS84: on the road, inside the account's district. */
    position: z.tuple([z.number(), z.number()]),
    /** Null when the point lies outside every district and 街镇 we hold. */
    districtCode: z.string().nullable(),
    districtName: z.string().nullable(),
    streetCode: z.string().nullable(),
    streetName: z.string().nullable(),
  })
  .openapi('RoadMatch');
export type RoadMatch = z.infer<typeof roadMatchSchema>;
export const roadMatchesSchema = z.object({ matches: z.array(roadMatchSchema) }).openapi('RoadMatches');
export type RoadMatches = z.infer<typeof roadMatchesSchema>;

export const searchRoadsRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/roads/search',
    tags: ['geography'],
    summary: 'Road names of the imported road network containing `q`, in the account’s district, each with one point on it and its district and 街镇',
    request: { query: roadSearchQuerySchema },
    responses: { 200: jsonContent(roadMatchesSchema, 'the matches, at most `limit`, one a name') },
  }),
);
