// 统一社会信用代码 (GB 32100-2015): 18 characters from 31 symbols (no I, O, Z, S, V), the last a check character
// over the first 17, so a mistyped digit is caught before a record is stored under a code that belongs to no one.
// The seed's generator (db/seed/generate/credit-code.ts) writes its codes with the same check character.

/** The 31 characters GB 32100 allows. */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character of the first 17 characters of a code. */
export function creditCodeCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`expected 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17[i]);
    if (value < 0) throw new RangeError(`character '${first17[i]}' is not allowed in a credit code`);
    sum += value * WEIGHTS[i];
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31];
}

/** Why a code is not a 统一社会信用代码, or null when it is one. */
export function creditCodeProblem(code: string): string | null {
  if (code.length !== 18) return `${code.length} characters, a 统一社会信用代码 has 18`;
  if (!SHAPE.test(code)) return 'not the shape of a 统一社会信用代码 (digits and capitals without I, O, S, V, Z; digits 3–8 a region code)';
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  return code[17] === expected ? null : `check character ${code[17]} is wrong: the first 17 characters give ${expected}`;
}

export const isValidCreditCode = (code: string): boolean => creditCodeProblem(code) === null;
