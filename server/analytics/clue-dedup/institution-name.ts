// Institution names as reports write them: 小桔灯教育, 小桔灯培训中心, 上海小桔灯教育科技有限公司 and “小桔灯” are one
// institution; what tells institutions apart is the distinctive part before the generic endings.

import { bigrams, jaccard } from './ngrams.js';

/**
 * Generic words of registered and shop-sign names, longest first so that 培训中心 goes before 中心. Stripped from the
 * end repeatedly (教育科技有限公司 is 教育 + 科技 + 有限公司).
 */
export const GENERIC_NAME_PARTS: readonly string[] = [
  '有限责任公司',
  '有限公司',
  '培训中心',
  '培训学校',
  '培训机构',
  '教育中心',
  '工作室',
  '培训班',
  '补习班',
  '辅导班',
  '托管班',
  '机构',
  '公司',
  '科技',
  '咨询',
  '文化',
  '艺术',
  '教育',
  '培训',
  '中心',
  '学校',
  '辅导',
  '托管',
  '学堂',
];

const CITY_PREFIX = /^(?:上海市?|[\u4e00-\u9fa5]{2}区)/;

/** The distinctive core of a name: without a leading 上海/district and without generic endings. */
export function institutionNameCore(name: string): string {
  let core = name.normalize('NFKC').replace(/[\p{P}\p{S}\p{Z}\s]+/gu, '').toLowerCase();
  const withoutCity = core.replace(CITY_PREFIX, '');
  if (withoutCity.length >= 2) core = withoutCity;
  for (let stripped = true; stripped; ) {
    stripped = false;
    for (const part of GENERIC_NAME_PARTS) {
      if (core.length > part.length && core.endsWith(part)) {
        core = core.slice(0, -part.length);
        stripped = true;
      }
    }
  }
  return GENERIC_NAME_PARTS.includes(core) ? '' : core;
}

/**
 * 1 for the same core, else the Jaccard of the cores' bigrams; 0 when either name is only generic words (教育中心
 * names no institution). No credit for one core holding the other: 童思 and 童思维 next door are two shops.
 */
export function institutionNameSimilarity(a: string, b: string): number {
  return coreSimilarity(institutionNameCore(a), institutionNameCore(b));
}

export function coreSimilarity(a: string, b: string): number {
  if (a === '' || b === '') return 0;
  if (a === b) return 1;
  return jaccard(bigrams(a), bigrams(b));
}

/** Endings that make the preceding characters a name in free text (activities such as 补习班, 辅导 and 托管 do not). */
const NAME_ENDING = /(?:教育科技有限公司|教育咨询有限公司|文化传播有限公司|有限公司|培训中心|培训学校|培训机构|教育中心|工作室|教育|学堂)(?![局部委厅])/g;
/**
 * Characters that end a name when reading backwards from its ending: particles, measure words and the last
 * character of the verbs reports put before a name (发现, 举报, 报道, 转办).
 */
const NAME_BOUNDARY = /[\p{P}\p{S}\p{Z}\s\d在的是家个叫为对和与到去里处等了据有被从向由将把这那该现报映道办称见]/u;
const QUOTED = /[“"「『《]([^”"」』》]{2,20})[”"」』》]/g;
const CALLED = /(?:名叫|名为|名称为|叫做|叫)([\u4e00-\u9fa5a-z0-9]{2,12}?)(?=的|[\p{P}\s]|$)/gu;

/** The cores of the institution names a normalised clue text mentions, distinct, in order of appearance. */
export function institutionNamesIn(normalised: string): string[] {
  const found: string[] = [];
  const add = (name: string) => {
    const core = institutionNameCore(name);
    if (core.length >= 2 && !found.includes(core)) found.push(core);
  };
  for (const match of normalised.matchAll(QUOTED)) add(match[1]);
  for (const match of normalised.matchAll(CALLED)) add(match[1]);
  for (const match of normalised.matchAll(NAME_ENDING)) {
    let start = match.index;
    while (start > 0 && match.index - start < 8 && !NAME_BOUNDARY.test(normalised[start - 1])) start--;
    if (start < match.index) add(normalised.slice(start, match.index + match[0].length));
  }
  return found;
}

/** The best similarity of any name of one list to any of the other; 0 when either names none. */
export function bestNameSimilarity(a: readonly string[], b: readonly string[]): { similarity: number; names: [string, string] | null } {
  let best = 0;
  let names: [string, string] | null = null;
  for (const x of a) {
    for (const y of b) {
      const s = coreSimilarity(x, y);
      if (s > best) {
        best = s;
        names = [x, y];
      }
    }
  }
  return { similarity: best, names };
}
