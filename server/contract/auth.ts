import { createRoute, z } from '@hono/zod-openapi';
import { userRoles } from './enums.js';
import { errorResponses, jsonContent, protectedRoute, publicRoute } from './route-config.js';

export const loginBodySchema = z
  .object({
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(256),
  })
  .strict()
  .openapi('LoginBody');
export type LoginBody = z.infer<typeof loginBodySchema>;

export const meSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(userRoles),
    /** null = city-wide. */
    districtCode: z.string().nullable(),
    districtName: z.string().nullable(),
    canWrite: z.boolean(),
    /** May open the audit log (执法全过程记录) and verify its chain. */
    canReadAudit: z.boolean(),
    /** May enter holiday schedules and school vacations (the calendar screen 校历与节假日). */
    canEditCalendar: z.boolean(),
    /**
     * [west, south, east, north] (WGS84) of the districts this account sees; null when none are loaded. The map frames
     * its first view on it and asks for its layers at once, without waiting for the district borders.
     */
    scopeExtent: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
  })
  .openapi('Me');
export type Me = z.infer<typeof meSchema>;

export const loginRoute = createRoute(
  publicRoute({
    method: 'post',
    path: '/auth/login',
    tags: ['auth'],
    summary: 'Log in; sets an httpOnly session cookie',
    request: { body: { required: true, content: { 'application/json': { schema: loginBodySchema } } } },
    responses: {
      200: jsonContent(meSchema, 'logged in; Set-Cookie carries the session'),
      401: errorResponses[401],
      413: errorResponses[413],
      429: errorResponses[429],
    },
  }),
);

export const logoutRoute = createRoute(
  protectedRoute({
    method: 'post',
    path: '/auth/logout',
    tags: ['auth'],
    summary: 'End the session',
    responses: { 200: jsonContent(z.object({ ok: z.literal(true) }), 'session ended; cookie cleared') },
  }),
);

export const meRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/auth/me',
    tags: ['auth'],
    summary: 'The logged-in user',
    responses: { 200: jsonContent(meSchema, 'the user of this session') },
  }),
);
