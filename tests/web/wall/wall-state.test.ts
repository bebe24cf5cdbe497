import { describe, expect, test } from 'vitest';
import { defaultPlaylist } from '../../../server/contract/wall-displays.js';
import {
  burnInOffset,
  BURN_IN_MAX_PX,
  HEAP_LIMIT_BYTES,
  isNight,
  isStale,
  mapPixelRatio,
  MAX_CANVAS_EDGE,
  MAX_MAP_PIXELS,
  reconnectDelayMs,
  reconnectNow,
  streamSilent,
  refreshMsOf,
  reloadReason,
  tourPosition,
  tourSteps,
  wallScale,
} from '../../../web/state/wall.js';

describe('the wall scale and pixel budget', () => {
  test('the 1920×1080 design scales by the smaller ratio: 4K ×2, a 32:9 video wall by its height', () => {
    expect(wallScale(1920, 1080)).toBe(1);
    expect(wallScale(3840, 2160)).toBe(2);
    expect(wallScale(7680, 2160)).toBe(2);
    expect(wallScale(5760, 3240)).toBe(3);
    expect(wallScale(1366, 768)).toBeCloseTo(0.711, 3);
  });

  test('the map keeps the device ratio while the canvas fits 4K and maplibre’s edge; beyond, it is lowered in 1/8 steps', () => {
    expect(mapPixelRatio({ devicePixelRatio: 1, width: 1000, height: 700 })).toBe(1);
    expect(mapPixelRatio({ devicePixelRatio: 2, width: 1000, height: 700 })).toBe(2);
    const wide = mapPixelRatio({ devicePixelRatio: 1, width: 5800, height: 1900 });
    expect(wide * 5800).toBeLessThanOrEqual(MAX_CANVAS_EDGE);
    expect(wide % 0.125).toBe(0);
    const big = mapPixelRatio({ devicePixelRatio: 2, width: 2600, height: 1800 });
    expect(big * big * 2600 * 1800).toBeLessThanOrEqual(MAX_MAP_PIXELS);
    expect(big).toBeGreaterThan(1);
  });
});

describe('the tour', () => {
  const playlist = { scenes: [{ scene: 'overview' as const, dwellSeconds: 10 }, { scene: 'districts' as const, dwellSeconds: 5 }, { scene: 'ranking' as const, dwellSeconds: 20 }], nightHours: null };

  test('the districts scene visits each district in turn', () => {
    expect(tourSteps(playlist, ['310101', '310104']).map((s) => [s.scene, s.districtCode, s.dwellMs])).toEqual([
      ['overview', null, 10_000],
      ['districts', '310101', 5_000],
      ['districts', '310104', 5_000],
      ['ranking', null, 20_000],
    ]);
    expect(tourSteps(defaultPlaylist, []).map((s) => s.scene)).toEqual(['overview', 'trend', 'board', 'ranking']);
  });

  test('the position follows the clock from the anchor, mid-scene, and loops: a reload resumes where it was', () => {
    const steps = tourSteps(playlist, ['310101', '310104']);
    const anchor = 1_000_000;
    expect(tourPosition(steps, anchor, anchor + 3_000)).toMatchObject({ index: 0, elapsedMs: 3_000, remainingMs: 7_000 });
    expect(tourPosition(steps, anchor, anchor + 12_000)).toMatchObject({ index: 1, step: { districtCode: '310101' } });
    expect(tourPosition(steps, anchor, anchor + 16_000)).toMatchObject({ index: 2, step: { districtCode: '310104' } });
    expect(tourPosition(steps, anchor, anchor + 40_000 + 3_000)).toMatchObject({ index: 0, elapsedMs: 3_000 });
    expect(tourPosition([], anchor, anchor)).toBeNull();
  });
});

describe('unattended', () => {
  test('stale after two missed refreshes, never before', () => {
    // Before the first answer: waiting, not stale.
    expect(isStale(null, 10 * 60_000)).toBe(false);
    expect(isStale(0, 60_000)).toBe(false);
    expect(isStale(0, 60_001)).toBe(true);
    expect(isStale(0, 10_001, 5_000)).toBe(true);
  });

  test('the refresh period from the URL, within 5–600 s', () => {
    expect(refreshMsOf('?refresh=5')).toBe(5_000);
    expect(refreshMsOf('refresh=2')).toBe(30_000);
    expect(refreshMsOf('?refresh=abc')).toBe(30_000);
    expect(refreshMsOf('')).toBe(30_000);
  });

  test('reconnects back off from 1 s, doubling to 60 s, jittered by ±20 %', () => {
    expect(reconnectDelayMs(0, 0.5)).toBe(1_000);
    expect(reconnectDelayMs(3, 0.5)).toBe(8_000);
    expect(reconnectDelayMs(20, 0.5)).toBe(60_000);
    expect(reconnectDelayMs(0, 0)).toBe(800);
    expect(reconnectDelayMs(0, 1)).toBe(1_200);
  });

  test('a stream waiting out its backoff tries again once a read answered after its last attempt', () => {
    expect(reconnectNow({ waiting: true, lastAttemptAtMs: 64_000, lastReadOkAtMs: 73_000 })).toBe(true);
    // The read that answered before the attempt failed says nothing of the server now.
    expect(reconnectNow({ waiting: true, lastAttemptAtMs: 64_000, lastReadOkAtMs: 60_000 })).toBe(false);
    // Open or connecting: nothing to hurry.
    expect(reconnectNow({ waiting: false, lastAttemptAtMs: 64_000, lastReadOkAtMs: 73_000 })).toBe(false);
    expect(reconnectNow({ waiting: true, lastAttemptAtMs: null, lastReadOkAtMs: 73_000 })).toBe(false);
    expect(reconnectNow({ waiting: true, lastAttemptAtMs: 64_000, lastReadOkAtMs: null })).toBe(false);
  });

  test('an open stream is silent after two heartbeats and a half without a word', () => {
    expect(streamSilent({ lastHeardAtMs: 0, heartbeatMs: 15_000, nowMs: 37_000 })).toBe(false);
    expect(streamSilent({ lastHeardAtMs: 0, heartbeatMs: 15_000, nowMs: 37_501 })).toBe(true);
    expect(streamSilent({ lastHeardAtMs: 0, heartbeatMs: 1_000, nowMs: 2_600 })).toBe(true);
    // Not open yet: the connect attempt's own error says when it failed.
    expect(streamSilent({ lastHeardAtMs: null, heartbeatMs: 15_000, nowMs: 1e9 })).toBe(false);
  });

  test('burn-in: the chrome stays within ±12 px and moves at most one 6 px step a minute, visiting 25 places', () => {
    const seen = new Set<string>();
    for (let m = 0; m < 200; m++) {
      const a = burnInOffset(m);
      const b = burnInOffset(m + 1);
      expect(Math.abs(a.x)).toBeLessThanOrEqual(BURN_IN_MAX_PX);
      expect(Math.abs(a.y)).toBeLessThanOrEqual(BURN_IN_MAX_PX);
      expect(Math.abs(a.x - b.x) + Math.abs(a.y - b.y)).toBeLessThanOrEqual(6);
      seen.add(`${a.x},${a.y}`);
    }
    expect(seen.size).toBe(25);
  });

  test('night hours, across midnight or within a day', () => {
    const night = { from: '23:00', to: '06:00' };
    expect(isNight('23:30', night)).toBe(true);
    expect(isNight('02:00', night)).toBe(true);
    expect(isNight('06:00', night)).toBe(false);
    expect(isNight('12:00', night)).toBe(false);
    expect(isNight('13:00', { from: '12:00', to: '14:00' })).toBe(true);
    expect(isNight('02:00', null)).toBe(false);
  });

  test('reloads: heap past the bound, a new build, the daily quiet hour once (not right after a load)', () => {
    const base = { heapBytes: 100 * 2 ** 20, clock: '12:00', date: '2027-01-23', loadedAtMs: 0, nowMs: 5 * 3_600_000, lastDailyReloadOn: null, loadedBuild: '/assets/main-a.js', currentBuild: '/assets/main-a.js' };
    expect(reloadReason(base)).toBeNull();
    expect(reloadReason({ ...base, heapBytes: HEAP_LIMIT_BYTES + 1 })).toBe('heap');
    expect(reloadReason({ ...base, currentBuild: '/assets/main-b.js' })).toBe('build');
    expect(reloadReason({ ...base, currentBuild: null })).toBeNull();
    expect(reloadReason({ ...base, clock: '04:40' })).toBe('daily');
    expect(reloadReason({ ...base, clock: '04:40', lastDailyReloadOn: '2027-01-23' })).toBeNull();
    expect(reloadReason({ ...base, clock: '04:40', nowMs: 30 * 60_000 })).toBeNull();
  });
});
