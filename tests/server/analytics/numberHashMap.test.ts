import { describe, expect, it } from 'vitest';
import { createNumberHashMap } from '../../../server/analytics/weights/numberHashMap.js';

describe('number hash map', () => {
  it('stores large integer keys through growth, adds with a cap, reports missing keys', () => {
    const m = createNumberHashMap(2);
    const keys = Array.from({ length: 5000 }, (_, i) => i * 2 ** 33 + 7 * i);
    keys.forEach((k, i) => m.set(k, i));
    expect(m.size).toBe(5000);
    keys.forEach((k, i) => expect(m.get(k)).toBe(i));
    expect(m.get(12345)).toBe(-1);
    expect(m.add(99, 1, 2)).toBe(1);
    expect(m.add(99, 1, 2)).toBe(2);
    expect(m.add(99, 1, 2)).toBe(2);
    let seen = 0;
    m.forEach(() => seen++);
    expect(seen).toBe(5001);
  });
});
