import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDrawArgs, parseIdWeights, parsePoolIds } from '../../../server/planning/index.js';
import { drawInspectionObjects, poolHash } from '../../../server/services/draws.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tsx = join(root, 'node_modules/.bin/tsx');

function draw(...args: string[]) {
  const result = spawnSync(tsx, ['scripts/draw.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function inDir(run: (dir: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'draw-cli-'));
  try {
    run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ids = Array.from({ length: 40 }, (_, i) => 501 + i * 3);

describe('npm run draw', { timeout: 120_000 }, () => {
  test('prints one JSON object: the seed as given, the pool hash and the drawn ids; the same for any file order', () => {
    inDir((dir) => {
      writeFileSync(join(dir, 'ids.json'), JSON.stringify(ids));
      writeFileSync(join(dir, 'reversed.json'), JSON.stringify([...ids].reverse()));
      // Through npm itself, as documented.
      const viaNpm = spawnSync('npm', ['run', '--silent', 'draw', '--', '--pool', join(dir, 'ids.json'), '--count', '5', '--seed', '20260701'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
      expect(viaNpm.status).toBe(0);
      expect(viaNpm.stderr).toBe('');
      expect(viaNpm.stdout.endsWith('}\n')).toBe(true);
      expect(viaNpm.stdout.trim().split('\n')).toHaveLength(1);
      const out = JSON.parse(viaNpm.stdout);
      expect(Object.keys(out)).toEqual(['seed', 'poolHash', 'drawn']);
      expect(out.seed).toBe('20260701');
      expect(out.poolHash).toBe(poolHash(ids));
      expect(out.drawn).toHaveLength(5);
      expect(new Set(out.drawn).size).toBe(5);
      for (const id of out.drawn) expect(ids).toContain(id);
      // The library's uniform draw of the same pool and seed, unstratified.
      expect(out.drawn).toEqual(drawInspectionObjects({ seed: '20260701', registry: ids.map((id) => ({ id })), sample: { count: 5 }, stratify: 'none' }).drawn);
      expect(JSON.parse(draw('--pool', join(dir, 'reversed.json'), '--count', '5', '--seed', '20260701').stdout)).toEqual(out);
      const other = JSON.parse(draw('--seed=20260702', '--pool', join(dir, 'ids.json'), '--count=5').stdout);
      expect(other.drawn).not.toEqual(out.drawn);
      // Count 0 and the whole pool.
      expect(JSON.parse(draw('--pool', join(dir, 'ids.json'), '--count', '0', '--seed', 's').stdout).drawn).toEqual([]);
      expect(JSON.parse(draw('--pool', join(dir, 'ids.json'), '--count', '40', '--seed', 's').stdout).drawn.sort((a: number, b: number) => a - b)).toEqual(ids);
    });
  });

  test('with weights, draws the heavier ids more often', () => {
    inDir((dir) => {
      const pool = [1, 2, 3, 4, 5, 6, 7, 8];
      writeFileSync(join(dir, 'ids.json'), JSON.stringify(pool));
      writeFileSync(join(dir, 'w.json'), JSON.stringify(Object.fromEntries(pool.map((id) => [id, id <= 2 ? 50 : 1]))));
      const run = draw('--pool', join(dir, 'ids.json'), '--count', '2', '--seed', 'weighted', '--weights', join(dir, 'w.json'));
      expect(run.status).toBe(0);
      expect(JSON.parse(run.stdout).drawn).toHaveLength(2);
      // Over many seeds (through the same library call the command makes), ids 1 and 2 dominate.
      let heavy = 0;
      for (let s = 0; s < 500; s++) {
        const drawn = drawInspectionObjects({ seed: `w${s}`, registry: pool.map((id) => ({ id, weight: id <= 2 ? 50 : 1 })), sample: { count: 2 }, stratify: 'none', weighting: 'entry' }).drawn;
        heavy += drawn.filter((id) => id <= 2).length;
      }
      expect(heavy / 1000).toBeGreaterThan(0.85);
    });
  });

  test('exits 2 with one clear line on stderr and nothing on stdout: missing file, not an array, duplicates, count > pool, bad seed', () => {
    inDir((dir) => {
      const file = (name: string, text: string) => {
        writeFileSync(join(dir, name), text);
        return join(dir, name);
      };
      const good = file('ids.json', '[1,2,3]');
      const cases: [string[], RegExp][] = [
        [['--pool', join(dir, 'absent.json'), '--count', '1', '--seed', 's'], /^draw: cannot read .*absent\.json: no such file$/],
        [['--pool', file('bad.json', '[1,2'), '--count', '1', '--seed', 's'], /^draw: .*bad\.json is not valid JSON$/],
        [['--pool', file('obj.json', '{"ids":[1]}'), '--count', '1', '--seed', 's'], /must hold a JSON array of integer ids, not object$/],
        [['--pool', file('dup.json', '[4,5,4]'), '--count', '1', '--seed', 's'], /dup\.json\[2\]: duplicate id 4 \(also at \[0\]\)$/],
        [['--pool', good, '--count', '4', '--seed', 's'], /--count 4 is more than the 3 ids of .*ids\.json$/],
        [['--pool', good, '--count', '1', '--seed', 'x '], /--seed: the seed must not begin or end with a space$/],
      ];
      for (const [args, message] of cases) {
        const run = draw(...args);
        expect(run.status, args.join(' ')).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
        expect(run.stderr.trimEnd()).toMatch(message);
      }
    });
  });

  test('every other bad argument and file is refused with its own message (the rules the command applies)', () => {
    const args = (...extra: string[]) => () => parseDrawArgs(['--pool', 'p.json', '--count', '1', '--seed', 's', ...extra]);
    expect(() => parseDrawArgs(['--pool', 'p.json', '--count', '-1', '--seed', 's'])).toThrow('--count must be a non-negative whole number, got "-1"');
    expect(() => parseDrawArgs(['--pool', 'p.json', '--count', '1.5', '--seed', 's'])).toThrow('--count must be a non-negative whole number');
    expect(() => parseDrawArgs(['--pool', 'p.json', '--count', '1', '--seed', ''])).toThrow('--seed: the seed must have 1–128 characters, got 0');
    expect(() => parseDrawArgs(['--pool', 'p.json', '--count', '1'])).toThrow(/^missing --seed/);
    expect(() => parseDrawArgs(['--pool', 'p.json', '--count', '1', '--seed'])).toThrow('--seed needs a value');
    expect(args('--seed', 't')).toThrow('--seed given twice');
    expect(args('--colour', 'red')).toThrow('unknown argument "--colour"');
    expect(() => parsePoolIds([1, '2'], 'p.json', 1)).toThrow('p.json[1]: an id must be an integer, got "2"');
    expect(() => parsePoolIds(null, 'p.json', 1)).toThrow('p.json must hold a JSON array of integer ids, not null');
    expect(parsePoolIds([3, 1, 2], 'p.json', 3)).toEqual([3, 1, 2]);
    expect(() => parseIdWeights({ 1: 1, 2: 1 }, [1, 2, 3], 'w.json')).toThrow('w.json: no weight for id 3');
    expect(() => parseIdWeights({ 1: 1, 2: 1, 3: 0 }, [1, 2, 3], 'w.json')).toThrow('the weight of 3 must be a positive number, got 0');
    expect(() => parseIdWeights({ 1: 1, 9: 1 }, [1], 'w.json')).toThrow('"9" is not an id of the pool');
    expect(() => parseIdWeights([1], [1], 'w.json')).toThrow('w.json must hold a JSON object');
    expect(parseIdWeights({ 1: 2.5 }, [1], 'w.json')).toEqual(new Map([[1, 2.5]]));
  });

  test('a seed is taken as written, even one that looks like an option', () => {
    expect(parseDrawArgs(['--pool', 'p.json', '--count', '3', '--seed', '--x'])).toEqual({ pool: 'p.json', count: 3, seed: '--x' });
    expect(parseDrawArgs(['--seed=007', '--pool=p.json', '--count=0'])).toEqual({ pool: 'p.json', count: 0, seed: '007' });
  });
});
