import { describe, expect, test } from 'vitest';
import { ogcFormatOf, parseOgcDatetime } from '../../../server/domain/ogc.js';

describe('parseOgcDatetime', () => {
  test('an instant is an interval of no length', () => {
    const at = new Date('2026-10-01T08:00:00Z');
    expect(parseOgcDatetime('2026-10-01T08:00:00Z')).toEqual({ start: at, end: at });
    expect(parseOgcDatetime('2026-10-01T16:00:00+08:00')).toEqual({ start: at, end: at });
  });

  test('a date is the whole day of Shanghai', () => {
    expect(parseOgcDatetime('2026-10-01')).toEqual({ start: new Date('2026-09-30T16:00:00Z'), end: new Date('2026-10-01T15:59:59.999Z') });
  });

  test('intervals with open ends, written .. or left empty', () => {
    const a = new Date('2026-10-01T00:00:00Z');
    expect(parseOgcDatetime('2026-10-01T00:00:00Z/..')).toEqual({ start: a, end: null });
    expect(parseOgcDatetime('2026-10-01T00:00:00Z/')).toEqual({ start: a, end: null });
    expect(parseOgcDatetime('../2026-10-01T00:00:00Z')).toEqual({ start: null, end: a });
    expect(parseOgcDatetime('2026-10-01/2026-10-02')).toEqual({ start: new Date('2026-09-30T16:00:00Z'), end: new Date('2026-10-02T15:59:59.999Z') });
  });

  test('anything else is a problem in words', () => {
    for (const bad of ['', '..', '../..', 'yesterday', '2026-13-01', '2026-10-01T08:00:00', '2026-10-02/2026-10-01', 'a/b/c'])
      expect(typeof parseOgcDatetime(bad), bad).toBe('string');
  });
});

describe('ogcFormatOf', () => {
  test('f decides; else a browser gets HTML and every other client JSON', () => {
    expect(ogcFormatOf('json', 'text/html')).toBe('json');
    expect(ogcFormatOf('html', 'application/json')).toBe('html');
    expect(ogcFormatOf(undefined, 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')).toBe('html');
    expect(ogcFormatOf(undefined, 'application/geo+json, application/json;q=0.9')).toBe('json');
    expect(ogcFormatOf(undefined, 'application/json, text/html;q=0.5')).toBe('json');
    expect(ogcFormatOf(undefined, 'text/html;q=0, application/json')).toBe('json');
    expect(ogcFormatOf(undefined, undefined)).toBe('json');
    expect(ogcFormatOf(undefined, '*/*')).toBe('json');
  });
});
