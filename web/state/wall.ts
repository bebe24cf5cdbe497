// The command-centre wall (指挥中心大屏): the tour, the scale, the pixel budget, staleness, burn-in care and when the
// page reloads itself. Pure: the wall's behaviour over days is tested with a clock, not by waiting.
import type { WallPlaylist, WallScene } from '../../server/contract/wall-displays.js';

/** The layout is designed at this size in CSS pixels and scaled as a whole. */
export const DESIGN_WIDTH = 1920;
export const DESIGN_HEIGHT = 1080;

/**
 * The scale of the design at a viewport: the smaller of the two ratios, so the design always fits and its type is
 * never stretched; on a wider screen (a 32:9 video wall) the grid's columns take the extra width.
 */
export const wallScale = (width: number, height: number): number => Math.max(0.5, Math.min(width / DESIGN_WIDTH, height / DESIGN_HEIGHT));

/** The most device pixels the map canvases may hold: a 4K frame. Beyond it the GPU's fill rate, not sharpness, decides. */
export const MAX_MAP_PIXELS = 3840 * 2160;
/** maplibre's default maxCanvasSize: a canvas edge beyond it is clamped by maplibre itself. */
export const MAX_CANVAS_EDGE = 4096;

/**
 * The map's pixel ratio: the device's, lowered until the canvas holds at most MAX_MAP_PIXELS and no edge passes
 * MAX_CANVAS_EDGE, in steps of 1/8 (a stable value: a changed ratio rebuilds every framebuffer).
 */
export function mapPixelRatio(p: { devicePixelRatio: number; width: number; height: number }): number {
  const area = Math.max(1, p.width * p.height);
  const limit = Math.min(p.devicePixelRatio || 1, Math.sqrt(MAX_MAP_PIXELS / area), MAX_CANVAS_EDGE / Math.max(1, p.width), MAX_CANVAS_EDGE / Math.max(1, p.height));
  return Math.max(0.5, Math.floor(limit * 8) / 8);
}

export interface TourStep {
  scene: WallScene;
  /** For the `districts` scene: the district shown. */
  districtCode: string | null;
  dwellMs: number;
}

/** The playlist as steps: `districts` becomes one step per district of the scope (a district wall: its own, once). */
export function tourSteps(playlist: WallPlaylist, districtCodes: readonly string[]): TourStep[] {
  const steps: TourStep[] = [];
  for (const { scene, dwellSeconds } of playlist.scenes) {
    const dwellMs = dwellSeconds * 1000;
    if (scene === 'districts') for (const code of districtCodes) steps.push({ scene, districtCode: code, dwellMs });
    else steps.push({ scene, districtCode: null, dwellMs });
  }
  return steps;
}

/**
 * Where the tour is at `nowMs`, counted from its anchor (kept across reloads): the same clock gives the same step, so a
 * reloaded wall carries on where it was, mid-scene, and two walls with one anchor show the same scene.
 */
export function tourPosition(steps: readonly TourStep[], anchorMs: number, nowMs: number): { index: number; step: TourStep; elapsedMs: number; remainingMs: number } | null {
  const total = steps.reduce((n, s) => n + s.dwellMs, 0);
  if (steps.length === 0 || total <= 0) return null;
  let t = (((nowMs - anchorMs) % total) + total) % total;
  for (let index = 0; index < steps.length; index++) {
    const step = steps[index];
    if (t < step.dwellMs) return { index, step, elapsedMs: t, remainingMs: step.dwellMs - t };
    t -= step.dwellMs;
  }
  return { index: 0, step: steps[0], elapsedMs: 0, remainingMs: steps[0].dwellMs };
}

/** How often the wall reads its data when no event asked it to. */
export const WALL_REFRESH_MS = 30_000;

/** `?refresh=<seconds>` (5–600) sets the period for a wall that wants it faster or slower; otherwise 30 s. */
export function refreshMsOf(search: string): number {
  const value = Number(new URLSearchParams(search.startsWith('?') ? search.slice(1) : search).get('refresh'));
  return Number.isInteger(value) && value >= 5 && value <= 600 ? value * 1000 : WALL_REFRESH_MS;
}

/** A panel's data are stale after two missed refreshes: shown still, marked with their age. Before the first answer
 * a panel is waiting (等待数据), not stale. */
export const isStale = (lastOkAtMs: number | null, nowMs: number, refreshMs = WALL_REFRESH_MS): boolean => lastOkAtMs !== null && nowMs - lastOkAtMs > 2 * refreshMs;

/** The reconnect delay of the live stream after `failures` failed attempts: 1 s doubling to 60 s, with ±20 % jitter. */
export function reconnectDelayMs(failures: number, random: number): number {
  const base = Math.min(60_000, 1_000 * 2 ** Math.max(0, failures));
  return Math.round(base * (0.8 + 0.4 * random));
}

/**
 * Whether the live stream, waiting out its backoff, should try again now: a read of the same server answered after the
 * stream's last attempt, so the server is back, and the rest of the backoff (up to a minute after a long outage) would
 * keep the ticker stale and the stream "reconnecting" while the figures beside it are current again. The reads keep
 * each display's own period, so a restarted server is still not met by every wall at once.
 */
export const reconnectNow = (p: { waiting: boolean; lastAttemptAtMs: number | null; lastReadOkAtMs: number | null }): boolean =>
  p.waiting && p.lastAttemptAtMs !== null && p.lastReadOkAtMs !== null && p.lastReadOkAtMs > p.lastAttemptAtMs;

/**
 * Whether an open live stream has gone silent: nothing (no event, no heartbeat) for two heartbeats and a half. A
 * connection cut half-open (a NAT or proxy dropping it without a reset) raises no error in EventSource and would leave
 * the ticker waiting for ever; after this the wall closes it and reconnects.
 */
export const streamSilent = (p: { lastHeardAtMs: number | null; heartbeatMs: number; nowMs: number }): boolean =>
  p.lastHeardAtMs !== null && p.nowMs - p.lastHeardAtMs > 2.5 * p.heartbeatMs;

/** Burn-in care: the static chrome moves by at most this many CSS pixels (design scale) from its place. */
export const BURN_IN_MAX_PX = 12;

/**
 * The chrome's offset in the `minute`-th minute: a walk over a 5×5 lattice of ±12 px, so every pixel of the chrome's
 * edges spends only a share of the time at any one place, and it never jumps more than one lattice step (6 px).
 */
export function burnInOffset(minute: number): { x: number; y: number } {
  const lattice = [-12, -6, 0, 6, 12];
  // A snake over the 5×5 lattice and back again: neighbouring minutes are neighbouring points.
  const m = ((Math.floor(minute) % 50) + 50) % 50;
  const k = m < 25 ? m : 49 - m;
  const row = Math.floor(k / 5);
  const col = row % 2 === 0 ? k % 5 : 4 - (k % 5);
  return { x: lattice[col], y: lattice[row] };
}

/** Whether `clock` (HH:MM, Shanghai) falls in the night hours (they may span midnight: 23:00–06:00). */
export function isNight(clock: string, night: WallPlaylist['nightHours']): boolean {
  if (!night || night.from === night.to) return false;
  return night.from < night.to ? night.from <= clock && clock < night.to : clock >= night.from || clock < night.to;
}

/** The watchdog's bounds: heap past which the page reloads, and the quiet hour of the daily reload. */
export const HEAP_LIMIT_BYTES = 768 * 2 ** 20;
export const DAILY_RELOAD_CLOCK = '04:30';

export type ReloadReason = 'heap' | 'daily' | 'build';

/**
 * Whether the wall should reload itself now: its heap grew past the bound, the daily quiet hour came (once per day,
 * not in the first hour after a load), or a new build is deployed.
 */
export function reloadReason(p: {
  heapBytes: number | null;
  clock: string;
  date: string;
  loadedAtMs: number;
  nowMs: number;
  lastDailyReloadOn: string | null;
  loadedBuild: string | null;
  currentBuild: string | null;
}): ReloadReason | null {
  if (p.heapBytes !== null && p.heapBytes > HEAP_LIMIT_BYTES) return 'heap';
  if (p.loadedBuild && p.currentBuild && p.loadedBuild !== p.currentBuild) return 'build';
  if (p.clock >= DAILY_RELOAD_CLOCK && p.clock < '05:30' && p.lastDailyReloadOn !== p.date && p.nowMs - p.loadedAtMs > 3_600_000) return 'daily';
  return null;
}
