import { z } from '@hono/zod-openapi';
import { districtCodeParam } from './params.js';

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

export const updateWallDisplaySchema = z
  .object({ name: z.string().trim().min(1).max(60).optional(), playlist: playlistSchema.optional() })
  .strict()
  .openapi('UpdateWallDisplay');

/** Answered once, at creation: the token is not stored (only its SHA-256) and cannot be shown again. */
export const createdWallDisplaySchema = z
  .object({ display: wallDisplaySchema, token: z.string(), path: z.string() })
  .openapi('CreatedWallDisplay');

export const pairWallSchema = z.object({ token: z.string().min(20).max(200) }).strict().openapi('PairWall');

/** What the paired page reads of itself (`GET /api/wall/display`): its name, scope and playlist. */
export const pairedDisplaySchema = wallDisplaySchema.pick({ id: true, name: true, districtCode: true, playlist: true }).openapi('PairedWallDisplay');
export type PairedDisplay = z.infer<typeof pairedDisplaySchema>;
