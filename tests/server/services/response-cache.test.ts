import { describe, expect, test } from 'vitest';
import { ResponseCache } from '../../../server/services/response-cache.js';

const text = (length: number, fill = 'x') => fill.repeat(length);
const bytes = (value: string) => new TextEncoder().encode(value);
const decoded = async (body: Promise<Uint8Array<ArrayBuffer>>) => new TextDecoder().decode(await body);

/** The cache as the endpoints use it, with text in and out. */
class TextCache {
  constructor(readonly cache: ResponseCache) {}
  text(key: string, compute: () => Promise<string>): Promise<string> {
    return decoded(this.cache.body(key, async () => bytes(await compute())));
  }
  get hits() { return this.cache.hits; }
  get misses() { return this.cache.misses; }
  get size() { return this.cache.size; }
}
const textCache = (...args: ConstructorParameters<typeof ResponseCache>) => new TextCache(new ResponseCache(...args));

describe('ResponseCache', () => {
  test('a repeated key is answered without computing again', async () => {
    const cache = textCache();
    let computed = 0;
    const compute = async () => `answer ${++computed}`;
    expect(await cache.text('a', compute)).toBe('answer 1');
    expect(await cache.text('a', compute)).toBe('answer 1');
    expect(await cache.text('b', compute)).toBe('answer 2');
    expect({ hits: cache.hits, misses: cache.misses, computed }).toEqual({ hits: 1, misses: 2, computed: 2 });
  });

  test('concurrent requests for one key share one computation', async () => {
    const cache = textCache();
    let computed = 0;
    let release!: (value: string) => void;
    const compute = () => {
      computed++;
      return new Promise<string>((resolve) => (release = resolve));
    };
    const first = cache.text('k', compute);
    const second = cache.text('k', compute);
    release('shared');
    expect(await Promise.all([first, second])).toEqual(['shared', 'shared']);
    expect(computed).toBe(1);
  });

  test('a failed computation is not kept: the next request computes again', async () => {
    const cache = textCache();
    await expect(cache.text('k', () => Promise.reject(new Error('database unavailable')))).rejects.toThrow('database unavailable');
    expect(await cache.text('k', async () => 'recovered')).toBe('recovered');
    expect(cache.size.entries).toBe(1);
  });

  test('stays within its byte budget, the least recently used out first', async () => {
    const cache = textCache(250, 200);
    await cache.text('a', async () => text(100));
    await cache.text('b', async () => text(100));
    await cache.text('a', async () => text(100, 'y')); // a is now the most recently used
    await cache.text('c', async () => text(100));
    expect(cache.size).toEqual({ entries: 2, bytes: 200 });
    expect(await cache.text('a', async () => 'recomputed')).toBe(text(100));
    expect(await cache.text('b', async () => 'recomputed')).toBe('recomputed');
  });

  test('an answer larger than one entry may be is served but not kept', async () => {
    const cache = textCache(1000, 10);
    expect(await cache.text('big', async () => text(11))).toBe(text(11));
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
  });

  test('an answer is kept as its UTF-8 bytes, and counted by them', async () => {
    const cache = new ResponseCache(1000, 100);
    const body = await cache.body('zh', async () => bytes('培训机构'));
    expect(body.byteLength).toBe(12);
    expect(cache.size).toEqual({ entries: 1, bytes: 12 });
    expect(await cache.body('zh', async () => bytes('recomputed'))).toBe(body);
  });

  test('a budget of 0 keeps nothing: every request computes', async () => {
    const cache = textCache(0);
    let computed = 0;
    await cache.text('k', async () => `answer ${++computed}`);
    expect(await cache.text('k', async () => `answer ${++computed}`)).toBe('answer 2');
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
  });
});
