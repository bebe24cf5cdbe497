import { describe, expect, test } from 'vitest';
import { pageCounterContent } from '../../../web/dispatch/page-counter.js';
import { translator } from '../../../web/i18n/index.js';

describe('pageCounterContent', () => {
  test('the catalogue’s words around the page counters', () => {
    expect(pageCounterContent(translator('zh-CN')('dispatch.page'))).toBe('"第 " counter(page) " 页 / 共 " counter(pages) " 页"');
    expect(pageCounterContent(translator('en')('dispatch.page'))).toBe('"Page " counter(page) " of " counter(pages)');
  });

  test('quotes and backslashes cannot end the CSS string early', () => {
    expect(pageCounterContent('"{page}\\')).toBe('"\\"" counter(page) "\\\\"');
    expect(pageCounterContent('')).toBe('""');
  });
});
