import { describe, expect, test } from 'vitest';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { errorBodySchema } from '../../../server/contract/errors.js';
import { conflict, forbidden, ServiceError, tooManyRequests, unprocessable } from '../../../server/services/errors.js';
import { DomainInputError } from '../../../server/domain/errors.js';
import { errorHandler, notFoundHandler, validationHook } from '../../../server/middleware/errors.js';
import { limitBody } from '../../../server/middleware/limits.js';
import type { AppEnv } from '../../../server/http/env.js';

function appThrowing(error: unknown) {
  const app = new Hono<AppEnv>();
  app.onError(errorHandler);
  app.notFound(notFoundHandler);
  app.get('/boom', () => {
    throw error;
  });
  app.post('/upload', limitBody(10), async (c) => c.text(await c.req.text()));
  return app;
}

/** The error of an answer, checked against the one error shape of the API. */
const errorOf = async (response: Response) => errorBodySchema.parse(await response.json()).error;

describe('the error handler', () => {
  test.each([
    [forbidden('not yours'), 403, 'forbidden'],
    [conflict('wrong state', { from: 'a' }), 409, 'conflict'],
    [unprocessable('geometry', 'bad geometry'), 422, 'unprocessable'],
    [new DomainInputError([{ path: 'weights', message: 'k = 9 needs more than 9 units, got 5' }]), 422, 'unprocessable'],
    [new HTTPException(400, { message: 'Malformed JSON in request body' }), 400, 'bad_request'],
  ])('%s → %i %s', async (error, status, code) => {
    const response = await appThrowing(error).request('/boom');
    expect(response.status).toBe(status);
    const body = await errorOf(response);
    expect(body.code).toBe(code);
    expect(body.message).toBe((error as Error).message);
  });

  test('a domain input error names its fields', async () => {
    const response = await appThrowing(new DomainInputError([{ path: 'weights', message: 'k too large' }])).request('/boom');
    expect((await errorOf(response)).details).toEqual({ issues: [{ path: 'weights', message: 'k too large' }] });
  });

  test('a capacity refusal is a 429 with Retry-After', async () => {
    const response = await appThrowing(tooManyRequests('queue full', 7)).request('/boom');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(await errorOf(response)).toMatchObject({ code: 'rate_limited', details: { retryAfterSeconds: 7 } });
  });

  test.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a server shutting down (57P01)', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['a wrapped driver error', Object.assign(new Error('Failed query: select 1'), { cause: new Error('Connection terminated unexpectedly') })],
  ])('%s is a 503 with Retry-After, not a 500', async (_name, error) => {
    const original = console.error;
    console.error = () => {};
    try {
      const response = await appThrowing(error).request('/boom');
      expect(response.status).toBe(503);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await errorOf(response)).code).toBe('unavailable');
    } finally {
      console.error = original;
    }
  });

  test('an unexpected error is a 500 that leaks nothing', async () => {
    const original = console.error;
    console.error = () => {};
    try {
      const response = await appThrowing(new Error('relation "secret_table" does not exist')).request('/boom');
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(text).not.toContain('secret_table');
      expect(JSON.parse(text).error).toMatchObject({ code: 'internal', message: 'internal error' });
    } finally {
      console.error = original;
    }
  });

  test('no route is a 404 in the error shape', async () => {
    const response = await appThrowing(null).request('/nowhere');
    expect(response.status).toBe(404);
    expect((await errorOf(response)).code).toBe('not_found');
  });

  test('a body over the limit is 413', async () => {
    const app = appThrowing(null);
    expect((await app.request('/upload', { method: 'POST', body: '0123456789' })).status).toBe(200);
    const response = await app.request('/upload', { method: 'POST', body: '0123456789A' });
    expect(response.status).toBe(413);
    expect((await errorOf(response)).code).toBe('payload_too_large');
  });
});

describe('the validation hook', () => {
  test('turns zod issues into a 400 naming the fields', () => {
    const result = z.object({ limit: z.number().max(5) }).safeParse({ limit: 9 });
    try {
      validationHook({ success: false, error: result.error, target: 'query' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ServiceError);
      const apiError = error as ServiceError;
      expect(apiError.status).toBe(400);
      expect(apiError.message).toMatch(/^invalid query: limit: /);
      expect((apiError.details as any).issues[0].path).toEqual(['limit']);
    }
  });

  test('lets a valid input through', () => {
    expect(() => validationHook({ success: true, target: 'json' })).not.toThrow();
  });
});
