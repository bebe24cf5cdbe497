import { describe, expect, test } from 'vitest';
import { effectiveRange, hotspotReducer, initialHotspotState, liveWindow, rangeFromOffsets, sliderOffsets } from '../../../web/state/hotspot.js';

describe('hot spot state', () => {
  test('toggles and step', () => {
    let s = hotspotReducer(initialHotspotState, { type: 'hotspotLayerToggled' });
    expect(s.showHotspots).toBe(true);
    s = hotspotReducer(s, { type: 'emergingLayerToggled' });
    s = hotspotReducer(s, { type: 'fdrToggled' });
    s = hotspotReducer(s, { type: 'emergingStepSet', step: 'week' });
    expect(s).toMatchObject({ showHotspots: true, showEmerging: true, fdr: false, emergingStep: 'week' });
    expect(hotspotReducer(s, { type: 'emergingStepSet', step: 'year' as never }).emergingStep).toBe('week');
  });

  test('a dragged range is shown live and dropped on release; bad ranges are ignored', () => {
    const committed = { from: '2026-08-01', to: '2026-10-31' };
    let s = hotspotReducer(initialHotspotState, { type: 'draftRangeSet', range: { from: '2026-09-01', to: '2026-09-30' } });
    expect(effectiveRange(s, committed)).toEqual({ from: '2026-09-01', to: '2026-09-30' });
    expect(hotspotReducer(s, { type: 'draftRangeSet', range: { from: '2026-09-30', to: '2026-09-01' } })).toBe(s);
    expect(hotspotReducer(s, { type: 'draftRangeSet', range: { from: '2026-02-30', to: '2026-03-01' } })).toBe(s);
    s = hotspotReducer(s, { type: 'draftRangeEnded' });
    expect(effectiveRange(s, committed)).toEqual(committed);
  });

  test('slider offsets and ranges round-trip inside the window', () => {
    const window = liveWindow('2026-11-21');
    expect(window).toEqual({ from: '2024-11-22', to: '2026-11-21' });
    const range = { from: '2026-10-01', to: '2026-10-31' };
    const [a, b] = sliderOffsets(window, range);
    expect(rangeFromOffsets(window, a, b)).toEqual(range);
    expect(rangeFromOffsets(window, b, a)).toEqual(range);
    expect(sliderOffsets(window, { from: '2020-01-01', to: '2030-01-01' })).toEqual([0, 729]);
  });
});
