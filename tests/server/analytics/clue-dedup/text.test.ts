import { describe, expect, it } from 'vitest';
import {
  bigrams,
  compactText,
  compareFlatAddresses,
  cosine,
  institutionNameCore,
  institutionNameSimilarity,
  institutionNamesIn,
  jaccard,
  normaliseClueText,
  parseFlatAddress,
} from '../../../../server/analytics/clue-dedup/index.js';

const compact = (text: string) => compactText(normaliseClueText(text));
const address = (text: string) => parseFlatAddress(compact(text));

describe('normalising clue texts', () => {
  it('writes building units, full-width signs and Chinese numbers one way, drops 室 and filler words', () => {
    expect(compact('举报：普陀区长寿路街道阳光小区３栋５０２室有人补课！')).toBe('普陀区长寿路街道阳光小区3号楼502补课');
    expect(compact('阳光小区三幢502')).toBe('阳光小区3号楼502');
    expect(compact('阳光小区3-2-502')).toBe('阳光小区3号楼2单元502');
    expect(compact('长寿路88弄3号502室')).toBe('长寿路88弄3号楼502');
    expect(compact('疑似 一对一 补课')).toBe('一对一补课');
  });

  it('reads the same flat from differently written addresses and tells other flats apart', () => {
    const a = address('普陀区长寿路街道阳光小区3号楼502');
    const b = address('长寿路阳光小区3栋502室');
    expect(a).toEqual({ compound: '区长寿路街道阳光', building: '3', room: '502' });
    expect(compareFlatAddresses(a, b)).toBe('same_flat');
    expect(compareFlatAddresses(a, address('阳光小区3号楼602'))).toBe('conflict');
    expect(compareFlatAddresses(a, address('阳光小区5号楼502'))).toBe('conflict');
    expect(compareFlatAddresses(a, address('明珠小区3号楼502'))).toBe('conflict');
    expect(compareFlatAddresses(a, address('阳光小区3号楼 有人补课'))).toBe('unknown');
    // A 街道 named after an old 新村 is not the compound.
    expect(address('彭浦新村街道梅光公寓3-202').compound).toBe('彭浦新村街道梅光');
    expect(address('和苑家园20幢301').compound).toBe('和苑');
  });

  it('scores rewritten reports of one place above reports of another place with the same template', () => {
    const hotline = bigrams(compact('市民来电反映：普陀区长寿路街道阳光小区3号楼502室有人在家中开展一对一学科辅导，请相关部门核查。'));
    const photo = bigrams(compact('长寿路阳光小区3栋502 在家中开展一对一学科辅导'));
    const elsewhere = bigrams(compact('市民来电反映：徐汇区田林街道锦绣花园12号楼301室有人在家中开展一对一学科辅导，请相关部门核查。'));
    expect(cosine(hotline, photo)).toBeGreaterThan(cosine(hotline, elsewhere));
    expect(cosine(hotline, photo)).toBeGreaterThan(jaccard(hotline, photo));
    expect(jaccard(hotline, hotline)).toBe(1);
    expect(cosine(bigrams(''), hotline)).toBe(0);
  });
});

describe('institution names', () => {
  it('strips generic endings and the city before comparing', () => {
    expect(institutionNameCore('小桔灯教育')).toBe('小桔灯');
    expect(institutionNameCore('小桔灯培训中心')).toBe('小桔灯');
    expect(institutionNameCore('上海小桔灯教育科技有限公司')).toBe('小桔灯');
    expect(institutionNameCore('教育中心')).toBe('');
    expect(institutionNameSimilarity('小桔灯教育', '小桔灯培训中心')).toBe(1);
    expect(institutionNameSimilarity('小桔灯', '上海小桔灯教育科技有限公司')).toBe(1);
  });

  it('does not match neighbours whose names share only generic words or one character', () => {
    expect(institutionNameSimilarity('小桔灯教育', '新思维教育')).toBe(0);
    expect(institutionNameSimilarity('童思维培训中心', '童思工作室')).toBeLessThan(0.6);
    expect(institutionNameSimilarity('教育中心', '培训中心')).toBe(0);
  });

  it('finds the names a report mentions, quoted, called or before an ending, and not activities', () => {
    expect(institutionNamesIn(normaliseClueText('网格员巡查发现小桔灯培训中心在长寿路88号二楼开展数学培训'))).toEqual(['小桔灯']);
    expect(institutionNamesIn(normaliseClueText('长寿路88号 一家叫小桔灯的机构 门口贴着招生广告'))).toEqual(['小桔灯']);
    expect(institutionNamesIn(normaliseClueText('举报“小桔灯”违规补课'))).toEqual(['小桔灯']);
    expect(institutionNamesIn(normaliseClueText('区教育局转办：群众举报阳光小区3号楼502在居民楼内开办补习班'))).toEqual([]);
  });
});
