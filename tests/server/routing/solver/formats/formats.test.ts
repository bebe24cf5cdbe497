import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseTsplib } from '../../../../../server/routing/solver/formats/tsplib.js';
import { parseSolomon } from '../../../../../server/routing/solver/formats/solomon.js';
import { dimacsDistance, solomonDimacsProblem, tspProblem, cvrpProblem } from '../../../../../server/routing/solver/formats/benchmark-problems.js';
import { solve } from '../../../../../server/routing/solver/solve.js';
import { checkSolution } from '../../../../../server/routing/solver/check.js';

const fixture = (p: string) => readFileSync(fileURLToPath(new URL(`../../../../fixtures/routing/${p}`, import.meta.url)), 'utf8');

function tourLength(name: string): number {
  const data = parseTsplib(fixture(`tsplib/${name}.tsp`));
  const text = fixture(`tsplib/${name}.opt.tour`);
  const start = text.indexOf('TOUR_SECTION');
  const nodes = text.slice(start + 12).split(/\s+/).map(Number).filter((x) => x > 0).map((x) => x - 1);
  return nodes.reduce((s, a, i) => s + data.distances[a][nodes[(i + 1) % nodes.length]], 0);
}

describe('TSPLIB reader', () => {
  it.each([
    ['ulysses16', 6859],
    ['att48', 10628],
    ['berlin52', 7542],
    ['eil51', 426],
  ])('%s: the published optimal tour has the published length (%i)', (name, length) => {
    expect(tourLength(name)).toBe(length);
  });

  it('reads explicit lower-diagonal weights symmetrically', () => {
    const gr17 = parseTsplib(fixture('tsplib/gr17.tsp'));
    expect(gr17.dimension).toBe(17);
    expect(gr17.distances[1][0]).toBe(633);
    expect(gr17.distances[0][1]).toBe(633);
    expect(gr17.distances[16][16]).toBe(0);
  });

  it('reads CVRPLIB capacity, demands and depot', () => {
    const a = parseTsplib(fixture('cvrp/A/A-n32-k5.vrp'));
    expect(a).toMatchObject({ dimension: 32, capacity: 100, depots: [0] });
    expect(a.demands).toHaveLength(32);
    expect(a.demands![0]).toBe(0);
    expect(cvrpProblem(a).jobs).toHaveLength(31);
  });
});

describe('Solomon reader and the DIMACS convention', () => {
  it('truncates distances to one decimal', () => {
    expect(dimacsDistance(3, 4)).toBe(5);
    expect(dimacsDistance(1, 1)).toBe(1.4);
    expect(dimacsDistance(2, 3)).toBe(3.6);
  });

  it.each(['C101', 'R101', 'RC105', 'R201'])('%s: the optimal DIMACS solution recomputes to its stated cost and passes the checker', (name) => {
    const data = parseSolomon(fixture(`solomon/original_txt/${name}.txt`));
    expect(data.customers).toHaveLength(101);
    const problem = solomonDimacsProblem(data);
    const sol = fixture(`solomon/vrplib_dimacs/${name}.sol`);
    const stated = Number(/Cost\s+([\d.]+)/.exec(sol)![1]);
    const routes = [...sol.matchAll(/Route #\d+:([\d\s]+)/g)].map((m) => m[1].trim().split(/\s+/).map(Number));
    const d = problem.matrices!.car.distances!;
    const cost = routes.reduce((s, r) => s + [0, ...r, 0].slice(1).reduce((t, c, i, arr) => t + d[i === 0 ? 0 : arr[i - 1]][c], 0), 0);
    expect(cost).toBeCloseTo(stated, 6);
  });
});

describe('benchmark problems through the solver', { timeout: 30_000 }, () => {
  it('gr17 (explicit weights) is solved to its optimum 2085', () => {
    const problem = tspProblem(parseTsplib(fixture('tsplib/gr17.tsp')));
    const s = solve(problem, { maxIterations: 300 });
    expect(s.summary.cost).toBe(2085);
    expect(checkSolution(problem, s)).toEqual([]);
  });

  it('A-n32-k5 stays feasible and near its optimum 784', () => {
    const problem = cvrpProblem(parseTsplib(fixture('cvrp/A/A-n32-k5.vrp')));
    const s = solve(problem, { maxIterations: 12_000 });
    expect(checkSolution(problem, s)).toEqual([]);
    expect(s.unassigned).toEqual([]);
    expect(s.summary.cost).toBeLessThanOrEqual(784 * 1.02);
  });

  it('C101 under DIMACS is feasible and near its optimum 827.3', () => {
    const problem = solomonDimacsProblem(parseSolomon(fixture('solomon/original_txt/C101.txt')));
    const s = solve(problem, { maxIterations: 1500 });
    expect(checkSolution(problem, s)).toEqual([]);
    expect(s.unassigned).toEqual([]);
    expect(s.summary.cost).toBeLessThanOrEqual(827.3 * 1.02);
  });
});
