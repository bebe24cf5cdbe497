/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters =
 *   registering authority (1) + organisation type (1) + administrative division code (6)
 *   + organisation code body (8, GB 11714) + its check character (1) + the overall check character (1).
 */
import type { Random } from '../../../server/domain/random.js';

/** The 31 characters GB 32100 allows (no I, O, S, V, Z). */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 32100 check character for the first 17 characters. */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`expected 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17[i]);
    if (value < 0) throw new RangeError(`character '${first17[i]}' is not allowed in a credit code`);
    sum += value * CREDIT_WEIGHTS[i];
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31];
}

/** GB 11714 check character of an 8-character organisation code body: 0–9 or X. */
export function orgCodeCheckChar(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8)) throw new RangeError(`organisation code body must be 8 of 0-9A-Z, got '${body8}'`);
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body8.charCodeAt(i);
    const value = ch <= 57 ? ch - 48 : ch - 55;
    sum += value * ORG_CODE_WEIGHTS[i];
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

export function isValidCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  return creditCodeCheckChar(code.slice(0, 17)) === code[17];
}

/** Registering authority + type: 52 = 民政 / 民办非企业单位 (社会服务机构), 91 = 工商 / 企业. */
export type CreditCodeKind = 'non_profit' | 'company';

export function generateCreditCode(random: Random, kind: CreditCodeKind, districtCode: string): string {
  if (!/^\d{6}$/.test(districtCode)) throw new RangeError(`district code must be 6 digits, got '${districtCode}'`);
  const prefix = kind === 'non_profit' ? '52' : '91';
  // New registrations (since 2015) use a body of digits and the letters GB 32100 allows; older ones kept their organisation code.
  let body = kind === 'company' && random.chance(0.7) ? 'MA1' : '';
  while (body.length < 8) body += CREDIT_CODE_CHARSET[random.int(random.chance(0.85) ? 10 : 31)];
  const first17 = `${prefix}${districtCode}${body}${orgCodeCheckChar(body)}`;
  return first17 + creditCodeCheckChar(first17);
}
