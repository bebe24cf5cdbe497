import { describe, expect, test } from 'vitest';
import { openingHoursOf } from '../../db/seed/generate/opening-hours.js';
import { institutionCategories } from '../../server/domain/vocabulary.js';

describe('demo opening hours', () => {
  test('deterministic in the id, within half an hour of the category pattern, opening before closing', () => {
    expect(openingHoursOf(42, '学科类', 'licensed')).toEqual(openingHoursOf(42, '学科类', 'licensed'));
    for (let id = 1; id <= 300; id++) {
      for (const category of institutionCategories) {
        const h = openingHoursOf(id, category, 'licensed');
        expect(h.weekday && h.weekend).toBeTruthy();
        expect(h.weekday!.opens < h.weekday!.closes && h.weekend!.opens < h.weekend!.closes).toBe(true);
        expect(h.weekday!.opens >= '15:00' && h.weekday!.closes <= '21:30').toBe(true);
      }
    }
    expect(openingHoursOf(1, '学科类', 'licensed').weekday!.opens).toMatch(/^1[67]:[03]0$/);
  });

  test('about a third of unlicensed operators have no published hours; licensed ones always do', () => {
    const none = Array.from({ length: 600 }, (_, i) => openingHoursOf(i + 1, '其他', 'unlicensed')).filter((h) => h.weekday === null).length;
    expect(none).toBeGreaterThan(150);
    expect(none).toBeLessThan(250);
  });
});
