import { describe, expect, test } from 'vitest';
import { maskPhone, normaliseTrackingCode, trackingCodeOf } from '../../../server/domain/clue-privacy.js';
import { createRandom, seedOfText } from '../../../server/domain/random.js';

describe('maskPhone', () => {
  test.each([
    ['13812345678', '138****5678'],
    ['+86 138 1234 5678', '138****5678'],
    ['021-62345678', '021-****5678'],
    ['0571-88886789', '0571-****6789'],
    ['62345678', '****5678'],
    ['12345', '****'],
  ])('%s → %s', (phone, masked) => expect(maskPhone(phone)).toBe(masked));
});

describe('tracking codes', () => {
  const bytes = (seed: string) => {
    const random = createRandom(seedOfText(seed));
    return Uint8Array.from({ length: 10 }, () => random.int(256));
  };

  test('16 characters in four groups from an alphabet without I, L, O, U; different bytes, different codes', () => {
    const codes = new Set(Array.from({ length: 2000 }, (_, i) => trackingCodeOf(bytes(`code-${i}`))));
    expect(codes.size).toBe(2000);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  });

  test('all 80 bits are used: all-zero and all-one bytes give the alphabet’s ends', () => {
    expect(trackingCodeOf(new Uint8Array(10))).toBe('0000-0000-0000-0000');
    expect(trackingCodeOf(new Uint8Array(10).fill(255))).toBe('ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    expect(() => trackingCodeOf(new Uint8Array(9))).toThrow(/80 bits/);
  });

  test('typed back in any case, without dashes, O for 0 and I or L for 1; anything else is no code', () => {
    const code = trackingCodeOf(bytes('x'));
    expect(normaliseTrackingCode(code.toLowerCase().replace(/-/g, ''))).toBe(code);
    expect(normaliseTrackingCode('O1I1-L000-0000-0000')).toBe('0111-1000-0000-0000');
    expect(normaliseTrackingCode('0000-0000-0000-000')).toBeNull();
    expect(normaliseTrackingCode('0000-0000-0000-000U')).toBeNull();
    expect(normaliseTrackingCode("' OR 1=1 --")).toBeNull();
  });
});
