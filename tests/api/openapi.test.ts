import { beforeAll, describe, expect, test } from 'vitest';
import { errorBodySchema } from '../../server/contract/index.js';
import { getJson, testApp, type TestApp } from '../support/api.js';

let app: TestApp;
let doc: any;
const publicOperations = new Set(['get /api/health', 'post /api/auth/login', 'post /api/wall/pair', 'get /api/public/campaigns/{id}/results', 'get /api/public/campaigns/{id}/results.csv', 'post /api/public/reports', 'get /api/public/track/{code}', 'get /api/public/districts', 'get /api/public/lists', 'get /api/public/lists/{month}']);

beforeAll(async () => {
  app = await testApp();
  doc = (await getJson(app, '/api/openapi.json')).body;
});

/** Every operation of the document as [method, path, operation]. */
function operations(): [string, string, any][] {
  return Object.entries(doc.paths).flatMap(([path, item]: [string, any]) =>
    Object.entries(item).map(([method, op]) => [method, path, op] as [string, string, any]),
  );
}

/** A concrete URL for a templated path ({id} → 1). */
const concrete = (path: string) => path.replace(/\{[^}]+\}/g, '1');

describe('GET /api/openapi.json', () => {
  test('is an OpenAPI 3 document with the cookie security scheme', () => {
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.components.securitySchemes.cookieAuth).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'jointops_session' });
  });

  test('lists every endpoint of the API', () => {
    const listed = operations().map(([m, p]) => `${m} ${p}`);
    for (const expected of [
      'get /api/health',
      'post /api/auth/login',
      'post /api/auth/logout',
      'get /api/auth/me',
      'get /api/districts',
      'get /api/streets',
      'get /api/grid-cells',
      'get /api/institutions',
      'get /api/institutions/{id}',
      'get /api/clues',
      'post /api/clues',
      'get /api/clues/{id}',
      'patch /api/clues/{id}',
      'get /api/summary',
      'get /api/audit',
      'get /api/audit/actors',
      'get /api/audit/verify',
      'get /api/calendar/days',
      'get /api/calendar/holidays/{year}',
      'put /api/calendar/holidays/{year}',
      'delete /api/calendar/holidays/{year}',
      'get /api/calendar/school-vacations',
      'put /api/calendar/school-vacations',
      'get /api/campaigns/{id}/plan',
      'post /api/campaigns/{id}/plan/jobs',
      'get /api/campaigns/{id}/plan/jobs/{jobId}',
      'post /api/campaigns/{id}/plan/replan',
      'get /api/field/today',
      'post /api/field/arrivals',
      'post /api/field/check-ins',
      'post /api/field/check-ins/{id}/cosign',
      'get /api/field/check-ins',
      'get /api/wall-displays',
      'post /api/wall-displays',
      'patch /api/wall-displays/{id}',
      'post /api/wall-displays/{id}/revoke',
      'post /api/wall/pair',
      'get /api/wall/display',
    ])
      expect(listed).toContain(expected);
  });

  test('marks the public operations with security [] and every other with the session cookie', () => {
    for (const [method, path, op] of operations()) {
      if (publicOperations.has(`${method} ${path}`)) expect(op.security, path).toEqual([]);
      else expect(op.security, `${method} ${path}`).toEqual([{ cookieAuth: [] }]);
    }
  });

  test('documents the error shape and the query parameters from the zod contract', () => {
    expect(doc.components.schemas.Error.properties.error.required).toEqual(expect.arrayContaining(['code', 'message']));
    const params = doc.paths['/api/clues'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['bbox', 'from', 'to', 'status', 'source', 'suspectedType', 'district', 'limit', 'cursor']));
  });
});

describe('authentication', () => {
  test('every operation that declares the session cookie answers 401 without one', async () => {
    const secured = operations().filter(([, , op]) => op.security?.length);
    expect(secured.length).toBeGreaterThanOrEqual(13);
    for (const [method, path] of secured) {
      const response = await app.request(concrete(path), {
        method: method.toUpperCase(),
        headers: { 'Content-Type': 'application/json' },
        body: method === 'get' ? undefined : '{}',
      });
      expect(response.status, `${method} ${path}`).toBe(401);
      expect(errorBodySchema.parse(await response.json()).error.code).toBe('unauthenticated');
    }
  });

  test('an unknown API path is 401 without a session (closed by default)', async () => {
    expect((await app.request('/api/not-a-route')).status).toBe(401);
  });
});
