import { describe, expect, test } from 'vitest';
import { bboxParam, bboxProblems, cluesQuerySchema, csvEnumParam, institutionsQuerySchema, isoInstantParam } from '../../../server/contract/index.js';

describe('bbox', () => {
  test('parses minLon,minLat,maxLon,maxLat into numbers', () => {
    expect(bboxParam.parse(' 121.3, 31.2,121.5 ,31.3')).toEqual({ minLon: 121.3, minLat: 31.2, maxLon: 121.5, maxLat: 31.3 });
  });

  test.each([
    ['121,31,122', 'minLon,minLat,maxLon,maxLat'],
    ['121,31,,32', 'minLon,minLat,maxLon,maxLat'],
    ['121,x,122,32', 'minLat is not a number'],
    ['-181,31,122,32', 'longitudes'],
    ['121,31,121,32', 'minLon must be less than maxLon'],
    ['121,32,122,31', 'minLat must be less than maxLat'],
    ['100,20,110,30', 'square degrees'],
  ])('%s is refused (%s)', (text, message) => {
    const result = bboxParam.safeParse(text);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message).join(' ')).toContain(message);
  });

  test('the whole of Shanghai is allowed', () => {
    expect(bboxProblems({ minLon: 120.8, minLat: 30.6, maxLon: 122.2, maxLat: 31.9 })).toEqual([]);
  });
});

describe('dates', () => {
  test('a date is midnight UTC; a date-time keeps its offset', () => {
    expect(isoInstantParam.parse('2026-11-01').toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(isoInstantParam.parse('2026-11-01T08:00:00+08:00').toISOString()).toBe('2026-11-01T00:00:00.000Z');
  });

  test.each(['2026-02-29', '2026-1-01', '01/11/2026', '2026-11-01T08:00:00', ''])('%s is refused', (text) => {
    expect(isoInstantParam.safeParse(text).success).toBe(false);
  });

  test('from must be before to, and the range at most 1,100 days', () => {
    const base = { bbox: '121,31,122,32' };
    expect(cluesQuerySchema.safeParse({ ...base, from: '2026-11-01', to: '2026-11-01' }).success).toBe(false);
    expect(cluesQuerySchema.safeParse({ ...base, from: '2023-01-01', to: '2026-11-01' }).success).toBe(false);
    expect(cluesQuerySchema.safeParse({ ...base, from: '2024-01-01', to: '2026-11-01' }).success).toBe(true);
  });
});

describe('paging and filters', () => {
  test('limit defaults to 1,000 and stops at 10,000', () => {
    expect(institutionsQuerySchema.parse({ bbox: '121,31,122,32' }).limit).toBe(1000);
    expect(institutionsQuerySchema.parse({ bbox: '121,31,122,32', limit: '10000' }).limit).toBe(10000);
    expect(institutionsQuerySchema.safeParse({ bbox: '121,31,122,32', limit: '10001' }).success).toBe(false);
    expect(institutionsQuerySchema.safeParse({ bbox: '121,31,122,32', limit: '2.5' }).success).toBe(false);
  });

  test('a cursor is an id', () => {
    expect(institutionsQuerySchema.parse({ bbox: '121,31,122,32', cursor: '42' }).cursor).toBe(42);
    expect(institutionsQuerySchema.safeParse({ bbox: '121,31,122,32', cursor: '-1' }).success).toBe(false);
  });

  test('comma-separated enum filters are deduplicated and checked value by value', () => {
    const status = csvEnumParam(['a', 'b', 'c'] as const);
    expect(status.parse('a, b,a')).toEqual(['a', 'b']);
    const bad = status.safeParse('a,z');
    expect(bad.error!.issues[0].message).toBe('unknown value "z"; expected one of a, b, c');
    expect(status.safeParse(',').success).toBe(false);
  });
});
