import { beforeAll, describe, expect, test } from 'vitest';
import { cellMatrixFrom } from '../../web/analysis/cell-matrix.js';
import { createLiveHotspots } from '../../web/analysis/live-hotspots.js';
import { rangeToInstants } from '../../web/state/dates.js';
import { getJson, loginCookie, testApp, type TestApp } from '../support/api.js';

// The map's live recompute (web/analysis) on the per-day counts must give what the server computes for the same range.

let app: TestApp;
let cookie: string;
const window = { from: '2025-11-02', to: '2026-10-31' };
const query = (range: { from: string; to: string }) => {
  const { from, to } = rangeToInstants(range);
  return `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
};

beforeAll(async () => {
  app = await testApp();
  cookie = await loginCookie(app, 'admin');
});

describe('live recompute in the browser equals the server', () => {
  test.each([
    [null, { from: '2026-08-01', to: '2026-10-31' }],
    [null, { from: '2025-11-02', to: '2026-10-31' }],
    ['310107', { from: '2026-05-10', to: '2026-09-03' }],
  ])('district %s, %o', async (district, range) => {
    const d = district ? `&district=${district}` : '';
    const counts = await getJson(app, `/api/analysis/cell-counts?${query(window)}&step=day${d}`, cookie);
    expect(counts.status).toBe(200);
    const server = await getJson(app, `/api/analysis/grid-hotspots?${query(range)}${d}`, cookie);
    expect(server.status).toBe(200);
    const frame = createLiveHotspots(cellMatrixFrom(counts.body)).forRange(range);
    expect(counts.body.cellIds).toEqual(server.body.cells.map((c: { id: number }) => c.id));
    let clues = 0;
    server.body.cells.forEach((c: { clueCount: number; z: number; p: number; bin: number; binFdr: number }, i: number) => {
      expect(frame.values[i]).toBe(c.clueCount);
      expect(Math.abs(frame.result.z[i] - c.z)).toBeLessThan(1e-12);
      expect(frame.result.bin[i]).toBe(c.bin);
      expect(frame.result.binFdr[i]).toBe(c.binFdr);
      clues += c.clueCount;
    });
    expect(clues).toBeGreaterThan(0);
  });
});
