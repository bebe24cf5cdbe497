import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { solutionSchema } from '../../../../server/routing/problem/solution-schema.js';
import { checkSolution } from '../../../../server/routing/solver/check.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'vrp-cli-'));

function runVrp(args: string[], input?: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/vrp.ts'), ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

const problem = {
  vehicles: [{ id: 1, start_index: 0, end_index: 0, capacity: [2] }],
  jobs: [
    { id: 10, location_index: 1, delivery: [1] },
    { id: 11, location_index: 2, delivery: [1] },
  ],
  matrices: { car: { durations: [[0, 5, 9], [5, 0, 4], [9, 4, 0]] } },
};

describe('npm run vrp', { timeout: 60_000 }, () => {
  it('prints only the solution JSON on stdout', () => {
    const file = join(dir, 'ok.json');
    writeFileSync(file, JSON.stringify(problem));
    const out = runVrp([file, '--iterations', '100', '--seed', '3']);
    expect(out.status).toBe(0);
    const solution = solutionSchema.parse(JSON.parse(out.stdout));
    expect(solution.summary.cost).toBe(18);
    expect(checkSolution(problem, solution)).toEqual([]);
  });

  it('reads the problem from stdin with -, under a time limit', () => {
    const out = runVrp(['-', '--time-limit', '0.2'], JSON.stringify(problem));
    expect(out.status).toBe(0);
    expect(JSON.parse(out.stdout).routes).toHaveLength(1);
  });

  it.each([
    ['invalid input', { vehicles: [{ id: 1, start_index: 0 }], jobs: [{ id: 1, location_index: 9 }], matrices: problem.matrices }, /unknown index 9/],
    ['an infeasible shift', { ...problem, vehicles: [{ id: 1, start_index: 0, end_index: 2, time_window: [0, 3], capacity: [2] }] }, /infeasible shift/],
  ])('exits 2 with a message on %s', (_name, bad, message) => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const out = runVrp([file]);
    expect(out.status).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(message);
  });

  it('exits 2 on unreadable files, bad JSON and bad options', () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"vehicles": [');
    expect(runVrp([broken]).stderr).toMatch(/not valid JSON/);
    expect(runVrp([join(dir, 'missing.json')]).status).toBe(2);
    const opt = runVrp([broken, '--time-limit', 'soon']);
    expect(opt.status).toBe(2);
    expect(opt.stderr).toMatch(/--time-limit needs a non-negative number/);
    expect(runVrp([]).stderr).toMatch(/no problem file given/);
  });
});
