import { describe, expect, it } from 'vitest';
import { createRandom } from '../../server/domain/random.js';
import { generateCreditCode, orgCodeCheckChar } from '../../db/seed/generate/credit-code.js';
import { isValidCreditCode } from '../../server/domain/credit-code.js';

describe('synthetic 统一社会信用代码 (GB 32100)', () => {
  it('computes GB 11714 organisation code check characters, including X', () => {
    // Weights 3,7,9,10,5,8,4,2: D2670890 → 13·3+2·7+6·9+7·10+0·5+8·8+9·4+0·2 = 277, 277 mod 11 = 2, 11 − 2 = 9.
    expect(orgCodeCheckChar('D2670890')).toBe('9');
    // 00000001: sum 2 → 11 − 2 = 9; 00000005: sum 10 → 11 − 10 = 1.
    expect(orgCodeCheckChar('00000001')).toBe('9');
    expect(orgCodeCheckChar('00000005')).toBe('1');
    // 00010001: sum 10 + 2 = 12, 12 mod 11 = 1 → 11 − 1 = 10 → X; 00000000: sum 0 → 11 → 0.
    expect(orgCodeCheckChar('00010001')).toBe('X');
    expect(orgCodeCheckChar('00000000')).toBe('0');
    expect(() => orgCodeCheckChar('0000000')).toThrow(/8 of 0-9A-Z/);
  });

  it('generates valid codes for non-profits (52…) and companies (91…) of the given district', () => {
    const random = createRandom(11);
    for (let n = 0; n < 500; n++) {
      const kind = n % 2 === 0 ? 'non_profit' : 'company';
      const code = generateCreditCode(random, kind, '310107');
      expect(code).toHaveLength(18);
      expect(isValidCreditCode(code)).toBe(true);
      expect(code.slice(0, 2)).toBe(kind === 'non_profit' ? '52' : '91');
      expect(code.slice(2, 8)).toBe('310107');
      expect(orgCodeCheckChar(code.slice(8, 16))).toBe(code[16]);
    }
  });

  it('refuses malformed input', () => {
    expect(() => generateCreditCode(createRandom(1), 'company', '3101')).toThrow(/6 digits/);
  });
});
