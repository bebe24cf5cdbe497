import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const fixture = join(root, 'tests/fixtures/clue-dedup/clues.geojson');
const dir = mkdtempSync(join(tmpdir(), 'dedup-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]) {
  return spawnSync('npx', ['tsx', 'scripts/dedup.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
}

function withFeature(index: number, change: (feature: Record<string, any>) => void): string {
  const collection = JSON.parse(readFileSync(fixture, 'utf8'));
  change(collection.features[index]);
  const file = join(dir, `changed-${index}-${Math.abs(JSON.stringify(collection).length)}.geojson`);
  writeFileSync(file, JSON.stringify(collection));
  return file;
}

describe('dedup CLI (spawned)', () => {
  it('prints exactly the groups, ids as given, and exits 0', () => {
    const r = run([fixture]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('{"groups":[[101,"P-7"],[103,104]]}\n');
  }, 60_000);

  it('applies the radius option', () => {
    const r = run([fixture, '--radius', '10']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ groups: [] });
  }, 60_000);

  it('exits 2 with the feature and field named, nothing on stdout', () => {
    const notJson = join(dir, 'bad.geojson');
    writeFileSync(notJson, '{ not json');
    const cases: [string[], RegExp][] = [
      [[withFeature(2, (f) => delete f.properties.reportedAt)], /feature 2: properties\.reportedAt/],
      [[withFeature(1, (f) => (f.properties.reportedAt = '5 March'))], /feature 1: properties\.reportedAt/],
      [[withFeature(4, (f) => (f.geometry = { type: 'Point', coordinates: [121.45] }))], /feature 4: geometry\.coordinates/],
      [[withFeature(0, (f) => delete f.properties.text)], /feature 0: properties\.text/],
      [[notJson], /is not valid JSON/],
      [[join(dir, 'missing.geojson')], /no such file/],
      [[fixture, '--threshold', '2'], /threshold/],
      [[fixture, '--radius', 'far'], /--radius must be a number/],
      [[fixture, '--frobnicate', '1'], /unknown option "--frobnicate"/],
    ];
    for (const [args, message] of cases) {
      const r = run(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
    }
  }, 180_000);
});
