import { describe, expect, test } from 'vitest';
import { ApiError } from '../../../web/api/errors.js';
import { onUnauthenticated, readBytes } from '../../../web/api/transport.js';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('readBytes (the tiles’ transport)', () => {
  test('bytes of a 200, null for a 204', async () => {
    expect(await readBytes(Promise.resolve(new Response(new Uint8Array([1, 2, 3]), { status: 200 })))).toEqual(new Uint8Array([1, 2, 3]));
    expect(await readBytes(Promise.resolve(new Response(null, { status: 204 })))).toBeNull();
  });

  test('a refusal is the ApiError its body names; a 401 tells the app the session ended', async () => {
    let told = 0;
    const stop = onUnauthenticated(() => (told += 1));
    try {
      const forbidden = await readBytes(Promise.resolve(json(403, { error: { code: 'forbidden', message: 'district 310101 is outside your scope' } }))).catch((e: unknown) => e);
      expect(forbidden).toBeInstanceOf(ApiError);
      expect(forbidden).toMatchObject({ status: 403, code: 'forbidden' });
      expect(told).toBe(0);
      await expect(readBytes(Promise.resolve(json(401, { error: { code: 'unauthenticated', message: 'sign in' } })))).rejects.toMatchObject({ status: 401 });
      expect(told).toBe(1);
    } finally {
      stop();
    }
  });

  test('a request that got no answer is a network error; an aborted one says so', async () => {
    await expect(readBytes(Promise.reject(new TypeError('fetch failed')))).rejects.toMatchObject({ code: 'network' });
    await expect(readBytes(Promise.reject(new DOMException('stopped', 'AbortError')))).rejects.toMatchObject({ code: 'aborted' });
  });
});
