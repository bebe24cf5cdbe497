import { describe, expect, test } from 'vitest';
import { creditCodeCheckCharacter, creditCodeProblem, isValidCreditCode } from '../../../server/domain/credit-code.js';

describe('统一社会信用代码 check character (GB 32100)', () => {
  test('a published code checks, and its check character is computed', () => {
    expect(creditCodeProblem('91350100M000100Y43')).toBeNull();
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  test('a changed digit, a wrong length or a forbidden letter is named', () => {
    expect(creditCodeProblem('91350100M000100Y44')).toMatch(/check character 4 is wrong: the first 17 characters give 3/);
    expect(creditCodeProblem('91350100M000100Y4')).toMatch(/17 characters, a 统一社会信用代码 has 18/);
    expect(creditCodeProblem('91350100M000100I43')).toMatch(/not the shape/);
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
  });

  test('the check character of fewer than 17 characters, or of a forbidden one, is an error', () => {
    expect(() => creditCodeCheckCharacter('123')).toThrow(/17 characters/);
    expect(() => creditCodeCheckCharacter('91350100M000100I4')).toThrow(/not allowed/);
  });

  test('a remainder of zero gives the check character 0, not 31', () => {
    const body = '91310000MA1FL123';
    for (const last of '0123456789ABCDEFGHJKLMNPQRTUWXY') {
      const code = `${body}${last}`;
      const check = creditCodeCheckCharacter(code);
      expect('0123456789ABCDEFGHJKLMNPQRTUWXY').toContain(check);
      expect(creditCodeProblem(`${code}${check}`)).toBeNull();
    }
  });
});
