import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as analytics from '../../../server/analytics/index.js';

const dir = fileURLToPath(new URL('../../../server/analytics/', import.meta.url));

function sources(d: string): string[] {
  return readdirSync(d).flatMap((name) => {
    const path = join(d, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
  });
}

describe('server/analytics stays pure and browser-ready', () => {
  const files = sources(dir);

  it.each(files.map((f) => [f.slice(dir.length), f]))('%s imports only relative modules and reads no clock or environment', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const imports = [...text.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]);
    for (const spec of imports) expect(spec.startsWith('./') || spec.startsWith('../'), spec).toBe(true);
    expect(text).not.toMatch(/\bprocess\.|Date\.now\(|new Date\(\)|Math\.random\(/);
  });

  it('exports the surface the server and the web use', () => {
    for (const name of ['createGiStarComputer', 'localGiStar', 'buildWeights', 'emergingHotspots', 'analyseFeatureHotspots']) {
      expect(typeof (analytics as Record<string, unknown>)[name]).toBe('function');
    }
  });
});
