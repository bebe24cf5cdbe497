import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readSpdepCase } from './fixtureFiles.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'hotspots-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]) {
  return spawnSync('npx', ['tsx', 'scripts/hotspots.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
}

describe('hotspots CLI (spawned)', () => {
  const grid = readSpdepCase('grid_distance');
  const input = join(dir, 'grid.geojson');
  writeFileSync(input, JSON.stringify(grid.geojson));

  it('writes gi_* properties equal to spdep and exits 0', () => {
    const out = join(dir, 'out.geojson');
    const r = run(['--in', input, '--value', 'value', '--weights', 'distance:375', '--planar', '--permutations', '19', '--seed', '3', '--out', out]);
    expect(r.stderr).toMatch(/400 features, distance:375/);
    expect(r.status).toBe(0);
    const result = JSON.parse(readFileSync(out, 'utf8'));
    expect(result.features).toHaveLength(400);
    result.features.forEach((f: { properties: Record<string, number> }, i: number) => {
      expect(Math.abs(f.properties.gi_z - grid.gi_star_z[i])).toBeLessThan(1e-9);
      for (const key of ['gi_p', 'gi_bin', 'gi_bin_fdr', 'gi_p_sim']) expect(typeof f.properties[key]).toBe('number');
    });
  }, 60_000);

  it('exits 2 with one clear line on bad input', () => {
    const notJson = join(dir, 'bad.geojson');
    writeFileSync(notJson, 'this is not json');
    const cases: [string[], RegExp][] = [
      [['--in', notJson, '--value', 'value', '--weights', 'queen', '--out', join(dir, 'x')], /is not JSON, so not GeoJSON/],
      [['--in', input, '--value', 'nope', '--weights', 'queen', '--planar', '--out', join(dir, 'x')], /feature 0 has no property "nope"/],
      [['--in', input, '--value', 'value', '--weights', 'distance:100', '--planar', '--out', join(dir, 'x')], /leaves 400 feature\(s\) without neighbours/],
      [['--in', input, '--value', 'value', '--weights', 'queen', '--frobnicate', '--out', join(dir, 'x')], /unknown option "--frobnicate"/],
    ];
    for (const [args, message] of cases) {
      const r = run(args);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n').filter((l) => !l.startsWith('npm warn'))).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
  }, 120_000);
});
