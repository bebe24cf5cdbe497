import { describe, expect, test } from 'vitest';
import { freeAreaPadding, type Rect } from '../../web/map/free-area.js';

const rect = (left: number, top: number, right: number, bottom: number): Rect => ({ left, top, right, bottom });
const map = rect(0, 0, 1920, 1080);

describe('freeAreaPadding', () => {
  test('the dashboard at 1920×1080: top bar and KPI cards cover the top, the sidebar the left', () => {
    const topBar = rect(0, 0, 1920, 52);
    const kpis = rect(330, 62, 1902, 136);
    const sidebar = rect(18, 62, 314, 1062);
    const legend = rect(1600, 900, 1902, 1062);
    expect(freeAreaPadding(map, [topBar, kpis, sidebar, legend])).toEqual({ top: 152, right: 16, bottom: 16, left: 330 });
  });

  test('a tall panel on the right pads the right; a wide one at the bottom pads the bottom', () => {
    expect(freeAreaPadding(map, [rect(1580, 100, 1900, 1000), rect(100, 980, 1800, 1060)], 0)).toEqual({ top: 0, right: 340, bottom: 100, left: 0 });
  });

  test('panels outside the map or as large as it in both directions are ignored', () => {
    expect(freeAreaPadding(map, [rect(-500, 0, -10, 1080), rect(0, 0, 1920, 1080)], 0)).toEqual({ top: 0, right: 0, bottom: 0, left: 0 });
  });

  test('a third of the map stays free on a small screen', () => {
    const small = rect(0, 0, 600, 400);
    const padding = freeAreaPadding(small, [rect(0, 0, 290, 400), rect(330, 0, 600, 400), rect(0, 0, 600, 190), rect(0, 250, 600, 400)]);
    expect(600 - padding.left - padding.right).toBeGreaterThanOrEqual(0.3 * 600 - 1);
    expect(400 - padding.top - padding.bottom).toBeGreaterThanOrEqual(0.3 * 400 - 1);
    expect(padding.left).toBeGreaterThan(padding.right);
    expect(padding.top).toBeGreaterThan(padding.bottom);
  });

  test('an empty map gets no padding', () => {
    expect(freeAreaPadding(rect(0, 0, 0, 0), [rect(0, 0, 10, 10)])).toEqual({ top: 0, right: 0, bottom: 0, left: 0 });
  });
});
