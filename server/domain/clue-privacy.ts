import { DomainInputError } from './errors.js';

// What of a reporter the product shows and how a public reporter follows a clue without an account.

/** A phone number masked for everyone but administrators: 138****5678, a landline 021-****6789. */
export function maskPhone(phone: string): string {
  // +86 / 0086 is the country, not part of the number.
  const digits = phone.replace(/\D/g, '').replace(/^(0086|86)(?=1\d{10}$)/, '');
  if (digits.length < 7) return '****';
  const mobile = /^1\d{10}$/.test(digits);
  if (mobile) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  const head = digits.startsWith('0') ? `${digits.slice(0, digits.startsWith('02') ? 3 : 4)}-` : '';
  return `${head}****${digits.slice(-4)}`;
}

// Crockford's base32 without I, L, O and U: a code read over the phone or typed from a receipt is not misread.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 16 characters of 5 bits: 80 random bits, beyond guessing at any rate limit. */
export const TRACKING_CODE_LENGTH = 16;

/** A tracking code from random bytes (at least 10; the caller draws them from a CSPRNG), grouped 4-4-4-4. */
export function trackingCodeOf(random: Uint8Array): string {
  if (random.length < 10) throw new DomainInputError([{ path: 'random', message: 'a tracking code needs 10 random bytes (80 bits)' }]);
  let bits = 0;
  let value = 0;
  let code = '';
  for (const byte of random) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && code.length < TRACKING_CODE_LENGTH) {
      code += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return code.match(/.{4}/g)!.join('-');
}

/** A tracking code as a reporter typed it (any case, with or without dashes, O for 0 and I/L for 1), or null. */
export function normaliseTrackingCode(input: string): string | null {
  const plain = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (plain.length !== TRACKING_CODE_LENGTH || [...plain].some((c) => !ALPHABET.includes(c))) return null;
  return plain.match(/.{4}/g)!.join('-');
}
