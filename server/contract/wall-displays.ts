import { createRoute, z } from '@hono/zod-openapi';
import { districtCodeParam, idParamsSchema } from './params.js';
import { errorResponses, jsonContent, protectedRoute, publicRoute } from './route-config.js';

// The command-centre wall's displays (大屏): a display is paired, not logged in. An administrator creates one (name,
// district scope or city-wide, playlist, night hours) and gets a long-lived read-only token URL, `/wall#display=<token>`
// (the fragment never reaches a server log); the page trades the token for a session of the display's own read-only
// account (role `wall`, scoped to the display's district) and trades it again whenever that session ends. Revoking the
// display ends its sessions and refuses its token.

/** The scenes of the auto-tour (自动轮播), in the order a new playlist shows them. */
export const wallScenes = ['overview', 'districts', 'trend', 'board', 'ranking'] as const;
export type WallScene = (typeof wallScenes)[number];

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM');

export const playlistSchema = z
  .object({
    /** Shown in this order, then again from the first; `districts` visits every district of the scope in turn. */
    scenes: z
      .array(z.object({ scene: z.enum(wallScenes), dwellSeconds: z.number().int().min(5).max(600) }).strict())
      .min(1)
      .max(12),
    /** Burn-in care: the wall dims between these hours (Asia/Shanghai); null = never. */
    nightHours: z.object({ from: clock, to: clock }).strict().nullable(),
  })
  .strict()
  .openapi('WallPlaylist');
export type WallPlaylist = z.infer<typeof playlistSchema>;

export const DEFAULT_DWELL_SECONDS = 30;
export const defaultPlaylist: WallPlaylist = {
  scenes: wallScenes.map((scene) => ({ scene, dwellSeconds: DEFAULT_DWELL_SECONDS })),
  nightHours: { from: '23:00', to: '06:00' },
};

export const wallDisplaySchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    /** null = city-wide (全市); otherwise the display sees only this district. */
    districtCode: z.string().nullable(),
    playlist: playlistSchema,
    createdAt: z.string(),
    createdBy: z.string(),
    /** When the display last asked for a session (pairing or re-pairing); null = never paired. */
    lastPairedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('WallDisplay');
export type WallDisplay = z.infer<typeof wallDisplaySchema>;

export const createWallDisplaySchema = z
  .object({
    name: z.string().trim().min(1).max(60),
    districtCode: districtCodeParam.nullable(),
    playlist: playlistSchema.default(defaultPlaylist),
  })
  .strict()
  .openapi('CreateWallDisplay');

export type CreateWallDisplay = z.input<typeof createWallDisplaySchema>;

export const updateWallDisplaySchema = z
  .object({ name: z.string().trim().min(1).max(60).optional(), playlist: playlistSchema.optional() })
  .strict()
  .openapi('UpdateWallDisplay');

export type UpdateWallDisplay = z.input<typeof updateWallDisplaySchema>;

/** Answered once, at creation: the token is not stored (only its SHA-256) and cannot be shown again. */
export const createdWallDisplaySchema = z
  .object({ display: wallDisplaySchema, token: z.string(), path: z.string() })
  .openapi('CreatedWallDisplay');

export type CreatedWallDisplay = z.infer<typeof createdWallDisplaySchema>;

export const pairWallSchema = z.object({ token: z.string().min(20).max(200) }).strict().openapi('PairWall');

/** What the paired page reads of itself (`GET /api/wall/display`): its name, scope and playlist. */
export const pairedDisplaySchema = wallDisplaySchema.pick({ id: true, name: true, districtCode: true, playlist: true }).openapi('PairedWallDisplay');
export type PairedDisplay = z.infer<typeof pairedDisplaySchema>;


/** The `details.reason` of a refused pairing whose display was revoked, so that the page can say so (此大屏已被撤销). */
export const WALL_DISPLAY_REVOKED = 'wall_display_revoked';

const jsonBody = <S>(schema: S) => ({ required: true, content: { 'application/json': { schema } } });

export const listWallDisplaysRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/wall-displays',
    tags: ['wall'],
    summary: 'Every wall display, revoked ones too, oldest first (administrators)',
    responses: { 200: jsonContent(z.array(wallDisplaySchema), 'the displays') },
  }),
);

export const createWallDisplayRoute = createRoute(
  protectedRoute({
    method: 'post',
    path: '/wall-displays',
    tags: ['wall'],
    summary: 'Create a wall display and its read-only account (administrators, audited); answers its token once',
    request: { body: jsonBody(createWallDisplaySchema) },
    responses: {
      201: jsonContent(createdWallDisplaySchema, 'the display, its pairing token and the page path that carries it'),
      413: errorResponses[413],
      422: errorResponses[422],
    },
  }),
);

export const updateWallDisplayRoute = createRoute(
  protectedRoute({
    method: 'patch',
    path: '/wall-displays/{id}',
    tags: ['wall'],
    summary: 'Rename a wall display or change its playlist (administrators, audited)',
    request: { params: idParamsSchema, body: jsonBody(updateWallDisplaySchema) },
    responses: {
      200: jsonContent(wallDisplaySchema, 'the display after the change'),
      404: errorResponses[404],
      409: errorResponses[409],
      413: errorResponses[413],
    },
  }),
);

export const revokeWallDisplayRoute = createRoute(
  protectedRoute({
    method: 'post',
    path: '/wall-displays/{id}/revoke',
    tags: ['wall'],
    summary: 'Revoke a wall display: its sessions end and its token is refused from now on (administrators, audited)',
    request: { params: idParamsSchema },
    responses: { 200: jsonContent(wallDisplaySchema, 'the revoked display'), 404: errorResponses[404], 409: errorResponses[409] },
  }),
);

export const pairWallRoute = createRoute(
  publicRoute({
    method: 'post',
    path: '/wall/pair',
    tags: ['wall'],
    summary: 'Trade a display token for a session of the display’s read-only account; sets the session cookie',
    request: { body: jsonBody(pairWallSchema) },
    responses: {
      200: jsonContent(pairedDisplaySchema, 'paired; Set-Cookie carries the session'),
      401: errorResponses[401],
      413: errorResponses[413],
      429: errorResponses[429],
    },
  }),
);

export const wallDisplayRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/wall/display',
    tags: ['wall'],
    summary: 'The paired display of this session: name, scope and playlist (404 for an account that is not a display)',
    responses: { 200: jsonContent(pairedDisplaySchema, 'the display'), 404: errorResponses[404] },
  }),
);
