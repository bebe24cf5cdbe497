import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = join(root, 'node_modules/.bin/tsx');

function importOsm(...args: string[]) {
  const result = spawnSync(tsx, ['scripts/import-osm.ts', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run import:osm', () => {
  test('builds the hand-made grid and prints its summary', () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-osm-'));
    try {
      const out = join(dir, 'grid.json.gz');
      const run = importOsm('tests/fixtures/osm-small/grid.osm', '--out', out);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('imported 12 nodes and 14 edges (7 one-way)');
      expect(run.stdout).toContain('components: 2 weak, 3 strong');
      const network = JSON.parse(gunzipSync(readFileSync(out)).toString('utf8'));
      expect(network.edges).toHaveLength(14);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('exits 2 with one clear line on a missing, foreign, truncated or damaged file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-osm-'));
    try {
      const grid = readFileSync(join(root, 'tests/fixtures/osm-small/grid.osm'));
      writeFileSync(join(dir, 'truncated.osm.gz'), gzipSync(grid.subarray(0, grid.length / 2)));
      writeFileSync(join(dir, 'damaged.osm.gz'), gzipSync(grid).subarray(0, 200));
      const cases: [string[], RegExp][] = [
        [[], /usage: npm run import:osm -- <file.osm/],
        [[join(dir, 'absent.osm')], /cannot read .*absent\.osm: no such file/],
        [['package.json'], /not an OpenStreetMap XML file/],
        [[join(dir, 'truncated.osm.gz')], /truncated/],
        [[join(dir, 'damaged.osm.gz')], /the compressed file is damaged/],
      ];
      for (const [args, message] of cases) {
        const run = importOsm(...args);
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(message);
        expect(run.stdout).toBe('');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
