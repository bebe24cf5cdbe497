import { describe, expect, test } from 'vitest';
import { scopeUrlState } from '../../../web/state/scope.js';
import { parseUrlState } from '../../../web/state/url.js';

const putuo = '310107';
const huangpu = '310101';

describe('scopeUrlState: a link fitted to the account’s district before anything is fetched', () => {
  test('a link to another district goes to the own district, without the view and selection it framed there', () => {
    const restored = parseUrlState(`?c=121.49,31.23&z=14&from=2026-06-01&to=2026-08-31&layers=districts,grid&d=${huangpu}&lang=en&sel=institution:40`);
    const { state, redirect } = scopeUrlState(restored, putuo);
    expect(redirect).toEqual({ requested: huangpu, own: putuo });
    expect(state.district).toBe(putuo);
    expect(state.view).toBeUndefined();
    expect(state.selection).toBeUndefined();
    // What is not tied to the other district stays as the link says.
    expect(state.timeRange).toEqual({ from: '2026-06-01', to: '2026-08-31' });
    expect(state.layers).toEqual({ districts: true, grid: true, institutions: false, heatmap: false });
    expect(state.language).toBe('en');
    expect(restored.district).toBe(huangpu);
  });

  test('a link to the own district, or to none, is kept as it is', () => {
    const own = parseUrlState(`?c=121.4,31.25&z=13&d=${putuo}&sel=clue:7`);
    expect(scopeUrlState(own, putuo)).toEqual({ state: own, redirect: null });
    const none = parseUrlState('?c=121.4,31.25&z=13&sel=institution:40');
    expect(scopeUrlState(none, putuo)).toEqual({ state: none, redirect: null });
  });

  test('a city-wide account may follow a link to any district', () => {
    const restored = parseUrlState(`?d=${huangpu}&sel=institution:40`);
    expect(scopeUrlState(restored, null)).toEqual({ state: restored, redirect: null });
  });

  test('a malformed district in the link is dropped by the parser, so there is nothing to redirect', () => {
    const restored = parseUrlState('?d=31010&z=abc');
    expect(scopeUrlState(restored, putuo).redirect).toBeNull();
    expect(scopeUrlState({ district: null }, putuo).redirect).toBeNull();
  });
});
