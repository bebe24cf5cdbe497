import { describe, expect, test } from 'vitest';
import { catalogues, formatMessage, LANGUAGES, translateCode, translator } from '../../../web/i18n/index.js';
import { auditActions, auditEntities, clueSources, clueStatuses, institutionStatuses, listStatuses, suspectedTypes } from '../../../server/contract/enums.js';
import { campaignTypes, checkItems } from '../../../server/domain/campaign.js';
import { drawMethods, stopReasons } from '../../../server/planning/dispatch/schema.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n catalogues', () => {
  test('every key is present and non-empty in both languages, with the same placeholders', () => {
    const zhKeys = Object.keys(catalogues['zh-CN']).sort();
    for (const language of LANGUAGES) {
      const catalogue = catalogues[language];
      expect(Object.keys(catalogue).sort()).toEqual(zhKeys);
      for (const key of zhKeys) {
        const text = catalogue[key as keyof typeof catalogue];
        expect(text.trim(), `${language} ${key}`).not.toBe('');
        expect(placeholders(text), `${language} ${key}`).toEqual(placeholders(catalogues['zh-CN'][key as keyof typeof catalogue]));
      }
    }
  });

  test('every enum value of the API has a label in both languages', () => {
    const groups: [string, readonly string[]][] = [
      ['status', institutionStatuses],
      ['list', listStatuses],
      ['clueStatus', clueStatuses],
      ['source', clueSources],
      ['type', suspectedTypes],
      ['auditAction', auditActions],
      ['auditEntity', auditEntities],
      ['campaign.check', checkItems],
      ['campaign.checkHint', checkItems],
      ['campaign.type', campaignTypes],
      ['stopReason', stopReasons],
      ['drawMethod', drawMethods],
    ];
    const missing: string[] = [];
    for (const language of LANGUAGES) {
      for (const [prefix, values] of groups) {
        for (const value of values) if (!Object.hasOwn(catalogues[language], `${prefix}.${value}`)) missing.push(`${language} ${prefix}.${value}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test('zh-CN is Chinese and en is not', () => {
    expect(translator('zh-CN')('layers.institutions')).toBe('校外培训机构');
    expect(translator('en')('layers.institutions')).toBe('Tutoring institutions');
    expect(translator('zh-CN')('app.synthetic')).toBe('模拟数据');
  });

  test('parameters are filled in and a missing one stays visible', () => {
    expect(formatMessage('{count} 条线索', { count: 12 })).toBe('12 条线索');
    expect(formatMessage('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(translateCode(translator('en'), 'status', 'unknown_status')).toBe('unknown_status');
  });
});
