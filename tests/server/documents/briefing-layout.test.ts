import { describe, expect, test } from 'vitest';
import { axisScale, framesMeet, labelEvery, layoutMap, ringFrame, stepXs } from '../../../server/documents/briefing-layout.js';
import { binFill } from '../../../server/documents/review-briefing-map.js';
import { kpiChange } from '../../../server/documents/review-briefing-pdf.js';

describe('the briefing map’s projection', () => {
  const box = { x: 40, y: 100, width: 400, height: 200 };

  test('the frame’s centre is the box’s centre, north is up and east is right', () => {
    const map = layoutMap([121.3, 31.2, 121.5, 31.3], box);
    const [cx, cy] = map.project([121.4, 31.25]);
    expect(cx).toBeCloseTo(240, 9);
    expect(cy).toBeCloseTo(200, 9);
    const [nx, ny] = map.project([121.4, 31.3]);
    const [ex] = map.project([121.5, 31.25]);
    expect(ny).toBeLessThan(cy);
    expect(nx).toBeCloseTo(cx, 9);
    expect(ex).toBeGreaterThan(cx);
  });

  test('shapes keep their proportions: a degree of longitude is cos φ of a degree of latitude, and the frame fits', () => {
    const map = layoutMap([121.3, 31.2, 121.5, 31.3], box);
    const [x0, y0] = map.project([121.3, 31.2]);
    const [x1, y1] = map.project([121.5, 31.3]);
    const width = x1 - x0;
    const height = y0 - y1;
    expect(width / height).toBeCloseTo((0.2 * Math.cos((31.25 * Math.PI) / 180)) / 0.1, 6);
    expect(width).toBeLessThanOrEqual(box.width + 1e-9);
    expect(height).toBeLessThanOrEqual(box.height + 1e-9);
    // One axis fills the box; the other is widened in `shown` to the box's aspect.
    expect(Math.max(width / box.width, height / box.height)).toBeCloseTo(1, 9);
    const [sw, ss, se, sn] = map.shown;
    expect(map.project([sw, sn])[0]).toBeCloseTo(box.x, 6);
    expect(map.project([se, ss])[1]).toBeCloseTo(box.y + box.height, 6);
  });

  test('the scale bar is a round length of at most a quarter of the box', () => {
    const map = layoutMap([121.3, 31.2, 121.5, 31.3], box);
    expect([1, 2, 5].map((m) => [m, m * 10, m * 100, m * 1000, m * 10000]).flat()).toContain(map.scaleBar.metres);
    expect(map.scaleBar.length).toBeLessThanOrEqual(box.width / 4);
    expect(map.scaleBar.length).toBeGreaterThan(box.width / 10);
  });

  test('a frame without an area is refused', () => {
    expect(() => layoutMap([121.5, 31.2, 121.3, 31.3], box)).toThrow(RangeError);
    expect(() => layoutMap([121.3, 31.3, 121.5, 31.3], box)).toThrow(RangeError);
  });

  test('a cell is drawn when its ring’s frame meets the shown frame', () => {
    const ring = [
      [121.0, 31.0],
      [121.1, 31.0],
      [121.1, 31.1],
      [121.0, 31.0],
    ];
    expect(ringFrame(ring)).toEqual([121.0, 31.0, 121.1, 31.1]);
    expect(framesMeet(ringFrame(ring), [121.05, 31.05, 121.5, 31.5])).toBe(true);
    expect(framesMeet(ringFrame(ring), [121.2, 31.05, 121.5, 31.5])).toBe(false);
  });
});

describe('the trend charts’ scales', () => {
  test('the axis ends at a round number at or above the largest value, ticks evenly from 0', () => {
    expect(axisScale([0, 612, 1874, null])).toEqual({ max: 2000, ticks: [0, 500, 1000, 1500, 2000] });
    expect(axisScale([1]).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(axisScale([7], { integer: true })).toEqual({ max: 8, ticks: [0, 2, 4, 6, 8] });
  });

  test('counts get whole ticks, and an empty series still has an axis', () => {
    const scale = axisScale([3], { integer: true });
    expect(scale.ticks.every(Number.isInteger)).toBe(true);
    expect(scale.max).toBeGreaterThanOrEqual(3);
    expect(axisScale([null, 0])).toEqual({ max: 1, ticks: [0, 1] });
  });

  test('steps sit in the middle of equal slots; labels are thinned to fit', () => {
    expect(stepXs(4, 10, 400)).toEqual([60, 160, 260, 360]);
    expect(labelEvery(26, 480, 30)).toBe(2);
    expect(labelEvery(6, 480, 30)).toBe(1);
  });
});

describe('the briefing’s words and colours', () => {
  test('a count’s change is a percentage of a base of 20 or more; a rate’s is in percentage points', () => {
    expect(kpiChange(6091, 4085, false, 'zh-CN')).toBe('+49.1%');
    expect(kpiChange(54, 1, false, 'zh-CN')).toBe('—');
    expect(kpiChange(0.909, 0.934, true, 'zh-CN')).toBe('−2.5 个百分点');
    expect(kpiChange(0.5, 0.5, true, 'en')).toBe('±0.0 pp');
    expect(kpiChange(10, null, false, 'zh-CN')).toBe('—');
  });

  test('the Gi* classes take the hot spot layer’s colours; not significant is light grey on paper', () => {
    expect(binFill(3)).toBe('#d73027');
    expect(binFill(-3)).toBe('#4575b4');
    expect(binFill(0)).toBe('#eeeeee');
    expect(binFill(7)).toBe('#eeeeee');
  });
});
