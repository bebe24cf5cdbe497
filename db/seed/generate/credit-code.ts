/**
 * Synthetic 统一社会信用代码 (GB 32100-2015; the check itself is server/domain/credit-code.ts): 18 characters =
 *   registering authority (1) + organisation type (1) + administrative division code (6)
 *   + organisation code body (8, GB 11714) + its check character (1) + the overall check character (1).
 */
import { CREDIT_CODE_CHARSET, creditCodeCheckCharacter } from '../../../server/domain/credit-code.js';
import type { Random } from '../../../server/domain/random.js';

const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

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

/** Registering authority + type: 52 = 民政 / 民办非企业单位 (社会服务机构), 91 = 工商 / 企业. */
export type CreditCodeKind = 'non_profit' | 'company';

export function generateCreditCode(random: Random, kind: CreditCodeKind, districtCode: string): string {
  if (!/^\d{6}$/.test(districtCode)) throw new RangeError(`district code must be 6 digits, got '${districtCode}'`);
  const prefix = kind === 'non_profit' ? '52' : '91';
  // New registrations (since 2015) use a body of digits and the letters GB 32100 allows; older ones kept their organisation code.
  let body = kind === 'company' && random.chance(0.7) ? 'MA1' : '';
  while (body.length < 8) body += CREDIT_CODE_CHARSET[random.int(random.chance(0.85) ? 10 : 31)];
  const first17 = `${prefix}${districtCode}${body}${orgCodeCheckChar(body)}`;
  return first17 + creditCodeCheckCharacter(first17);
}
