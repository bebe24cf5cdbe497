import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { testApp, type TestApp } from '../support/api.js';

let app: TestApp;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jointops-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>JointOps</title><div id="root"></div>');
  writeFileSync(join(dir, 'assets', 'main.js'), 'console.log(1)');
  app = await testApp({ staticDir: dir });
});

describe('serving the built web app', () => {
  test('serves index.html at / and the assets with their types', async () => {
    const index = await app.request('/');
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<div id="root">');
    const script = await app.request('/assets/main.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
  });

  test('answers index.html for client-side routes (SPA fallback)', async () => {
    const route = await app.request('/wall?district=310107');
    expect(route.status).toBe(200);
    expect(route.headers.get('content-type')).toMatch(/text\/html/);
    expect(await route.text()).toContain('JointOps');
  });

  test('answers index.html at the review’s path, with its view in the query', async () => {
    for (const path of ['/review', '/review/', '/review?period=2026-11-01~2026-11-30&level=district&code=310107&mode=diff']) {
      const route = await app.request(path);
      expect(route.status, path).toBe(200);
      expect(route.headers.get('content-type')).toMatch(/text\/html/);
      expect(await route.text()).toContain('<div id="root">');
    }
  });

  test('never answers HTML for an API path', async () => {
    const api = await app.request('/api/no-such-thing');
    expect(api.status).toBe(401);
    expect(api.headers.get('content-type')).toMatch(/application\/json/);
  });
});
