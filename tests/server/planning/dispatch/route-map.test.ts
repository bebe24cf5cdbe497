import { describe, expect, test } from 'vitest';
import { distanceMetres } from '../../../../server/domain/geodesy.js';
import { layoutRouteMap, roundLength, scaleBarText } from '../../../../server/planning/dispatch/index.js';
import { dispatchSheetFixture } from '../../../fixtures/dispatch-sheets.js';

const BOX = { width: 500, height: 300, padding: 20 };

describe('layoutRouteMap', () => {
  const sheet = dispatchSheetFixture();
  const map = layoutRouteMap(sheet.route, sheet.stops, BOX);

  test('every place lies inside the padding, and the route fills the box one way', () => {
    const xs = [...map.stops.map((s) => s.x), ...map.path.points.map((p) => p[0]), map.base!.x];
    const ys = [...map.stops.map((s) => s.y), ...map.path.points.map((p) => p[1]), map.base!.y];
    for (const x of xs) expect(x).toBeGreaterThanOrEqual(BOX.padding - 1e-9);
    for (const x of xs) expect(x).toBeLessThanOrEqual(BOX.width - BOX.padding + 1e-9);
    for (const y of ys) expect(y).toBeGreaterThanOrEqual(BOX.padding - 1e-9);
    for (const y of ys) expect(y).toBeLessThanOrEqual(BOX.height - BOX.padding + 1e-9);
    const filled = Math.max(Math.max(...xs) - Math.min(...xs) - (BOX.width - 2 * BOX.padding), Math.max(...ys) - Math.min(...ys) - (BOX.height - 2 * BOX.padding));
    expect(filled).toBeCloseTo(0, 6);
  });

  test('north is up and east is right; stops are numbered in route order', () => {
    // Stop 3 is the northernmost, stop 5 the westernmost.
    expect(Math.min(...map.stops.map((s) => s.y))).toBe(map.stops[2].y);
    expect(Math.min(...map.stops.map((s) => s.x))).toBe(map.stops[4].x);
    expect(map.stops.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(map.path.dashed).toBe(false);
  });

  test('one scale: the page distance of two stops is their ground distance times unitsPerMetre, and the bar agrees', () => {
    const [a, b] = [sheet.stops[0], sheet.stops[3]];
    const page = Math.hypot(map.stops[0].x - map.stops[3].x, map.stops[0].y - map.stops[3].y);
    expect(page / (distanceMetres(a.location, b.location) * map.unitsPerMetre)).toBeCloseTo(1, 2);
    expect(map.scaleBar.length).toBeCloseTo(map.scaleBar.metres * map.unitsPerMetre, 9);
    expect(map.scaleBar.length).toBeLessThanOrEqual((BOX.width - 2 * BOX.padding) / 4);
    expect(map.scaleBar.length).toBeGreaterThan((BOX.width - 2 * BOX.padding) / 10);
  });

  test('without a driven line the legs are straight and dashed, from the base through the stops and back', () => {
    const straight = layoutRouteMap({ ...sheet.route, line: [] }, sheet.stops, BOX);
    expect(straight.path.dashed).toBe(true);
    expect(straight.path.points).toHaveLength(sheet.stops.length + 2);
    expect(straight.path.points[0]).toEqual([straight.base!.x, straight.base!.y]);
  });

  test('a single place is centred and still has a scale', () => {
    const one = layoutRouteMap({ base: null, line: [] }, [sheet.stops[0]], BOX);
    expect(one.stops[0].x).toBeCloseTo(BOX.width / 2, 9);
    expect(one.stops[0].y).toBeCloseTo(BOX.height / 2, 9);
    expect(one.scaleBar.metres).toBeGreaterThan(0);
  });

  test('bad boxes and no places are refused', () => {
    expect(() => layoutRouteMap({ base: null, line: [] }, [], BOX)).toThrow(/at least one place/);
    expect(() => layoutRouteMap(sheet.route, sheet.stops, { width: 30, height: 30, padding: 20 })).toThrow(/no room/);
  });
});

describe('roundLength', () => {
  test('the largest 1, 2 or 5 × 10ⁿ not above the limit', () => {
    expect([0.9, 1, 4.99, 180, 250, 999, 1000, 7300].map(roundLength)).toEqual([0.5, 1, 2, 100, 200, 500, 1000, 5000]);
    expect(() => roundLength(0)).toThrow(RangeError);
  });
});

describe('scaleBarText', () => {
  test('metres below a kilometre, kilometres from one up', () => {
    expect(scaleBarText(500)).toEqual({ unit: 'dispatch.metres', n: 500 });
    expect(scaleBarText(2000)).toEqual({ unit: 'dispatch.kilometres', n: 2 });
  });
});
