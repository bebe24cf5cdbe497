// Normalisation of clue texts before they are compared: the same flat or institution is written in many ways by
// callers, 12345 operators, photo reporters and patrols, and the comparison should see the place, not the writing.

/**
 * Words that nearly every report contains whatever it is about, so they add shared n-grams to unrelated clues and
 * lower the similarity of a terse photo report to a long hotline ticket. Only the act of reporting, who reports and
 * the hedging of a suspicion; words about the activity (补课, 一对一, 托管) stay, as they tell cases apart.
 */
export const FILLER_WORDS: readonly string[] = [
  '请相关部门核查',
  '请相关部门处理',
  '市民来电',
  '群众',
  '举报',
  '反映',
  '投诉',
  '有人',
  '疑似',
  '涉嫌',
];

const CHINESE_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 九十九 as written in addresses (三号楼, 十二栋); anything else is left as it is. */
function chineseNumber(text: string): number | undefined {
  const ten = text.indexOf('十');
  if (ten < 0) {
    if (text.length !== 1) return undefined;
    return CHINESE_DIGITS[text];
  }
  const tens = ten === 0 ? 1 : CHINESE_DIGITS[text.slice(0, ten)];
  const units = ten === text.length - 1 ? 0 : CHINESE_DIGITS[text.slice(ten + 1)];
  if (tens === undefined || units === undefined || text.length > 3) return undefined;
  return tens * 10 + units;
}

const FILLER_PATTERN = new RegExp(FILLER_WORDS.join('|'), 'g');

/**
 * The text as compared: NFKC (full-width letters, digits and signs become half-width), lower case, Chinese numbers
 * before an address unit as digits, the building units 栋/幢/号楼/# as 号楼, 室 dropped, filler words removed.
 * Punctuation and spaces are kept here (the institution-name reader needs quotes); `compactText` drops them.
 */
export function normaliseClueText(text: string): string {
  let out = text.normalize('NFKC').toLowerCase();
  out = out.replace(/([零〇一二两三四五六七八九十]{1,3})(?=号楼|号栋|栋|幢|单元|弄|号|楼|层)/g, (whole, digits: string) => {
    const value = chineseNumber(digits);
    return value === undefined ? whole : String(value);
  });
  out = out
    // A Shanghai lane house (88弄3号) is a building of the lane.
    .replace(/(\d+)弄(\d+)号(?!楼)/g, '$1弄$2号楼')
    .replace(/(\d+)\s*(?:号楼|号栋|号幢|栋|幢|#楼|#)/g, '$1号楼')
    // 3-2-502 and 3-502: building, (unit,) room.
    .replace(/(\d{1,3})-(\d{1,2})-(\d{3,4})/g, '$1号楼$2单元$3')
    .replace(/(\d{1,3})-(\d{3,4})(?!\d)/g, '$1号楼$2')
    .replace(/(\d+)\s*(?:室|号房)/g, '$1');
  return out.replace(FILLER_PATTERN, '');
}

/** The normalised text without punctuation, symbols and spaces: what the n-grams are taken from. */
export function compactText(normalised: string): string {
  return normalised.replace(/[\p{P}\p{S}\p{Z}\s]+/gu, '');
}
