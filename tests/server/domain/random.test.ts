import { describe, expect, it } from 'vitest';
import { createRandom, cumulativeSampler, seedOfText } from '../../../server/domain/random.js';

describe('seeded random numbers', () => {
  it('repeats the same stream for the same seed and differs for another', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const streamA = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(streamA);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(streamA);
    expect(streamA.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('forks independent streams by label, unaffected by draws on the parent', () => {
    const parent = createRandom(1);
    const first = parent.fork('clues').next();
    parent.next();
    parent.next();
    expect(parent.fork('clues').next()).toBe(first);
    expect(parent.fork('institutions').next()).not.toBe(first);
  });

  it('draws weighted indices in proportion to the weights and never a zero weight', () => {
    const random = createRandom(7);
    const counts = [0, 0, 0];
    for (let n = 0; n < 30_000; n++) counts[random.weightedIndex([1, 0, 3])]++;
    expect(counts[1]).toBe(0);
    expect(counts[2] / counts[0]).toBeGreaterThan(2.8);
    expect(counts[2] / counts[0]).toBeLessThan(3.2);
    const sample = cumulativeSampler([1, 0, 3]);
    const fast = [0, 0, 0];
    for (let n = 0; n < 30_000; n++) fast[sample(random)]++;
    expect(fast[1]).toBe(0);
    expect(fast[2] / fast[0]).toBeGreaterThan(2.8);
    expect(fast[2] / fast[0]).toBeLessThan(3.2);
  });

  it('gives standard normals with mean ≈ 0 and variance ≈ 1', () => {
    const random = createRandom(3);
    const xs = Array.from({ length: 20_000 }, () => random.normal());
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });

  it('seeds from a text with 32-bit FNV-1a, the hash fork labels use', () => {
    // Reference values of FNV-1a 32 (offset basis 0x811c9dc5, prime 0x01000193).
    expect(seedOfText('')).toBe(0x811c9dc5);
    expect(seedOfText('a')).toBe(0xe40c292c);
    expect(seedOfText('foobar')).toBe(0xbf9cf968);
    expect(createRandom(seedOfText('2026暑期')).next()).toBe(createRandom(0).fork('2026暑期').next());
    expect(seedOfText('007')).not.toBe(seedOfText('7'));
  });

  it('refuses bad input', () => {
    expect(() => createRandom(Number.NaN)).toThrow(/finite/);
    expect(createRandom(1.5).next()).toBe(createRandom(1).next());
    const random = createRandom(1);
    expect(() => random.int(0)).toThrow(/bound/);
    expect(() => random.pick([])).toThrow(/empty/);
    expect(() => random.weightedIndex([0, 0])).toThrow(/positive/);
    expect(() => cumulativeSampler([])).toThrow(/positive/);
  });
});
