/**
 * Solution quality and speed of the routing solver on the standard sets, as JSON on stdout.
 *
 *   npm run --silent bench:routing -- [--dir <reference dir>] [--sets tsp,solomon,cvrp,patrol]
 *       [--time-limit <s>] [--filter <regex>] [--every <k>] [--min-customers <n>]
 *       [--seed <n> | --seeds 1-5 | --seeds 1,3,7] [--clock wall|cpu]
 *       [--sisr '<json of SisrParameters overrides>'] [--hgs '<json of HgsParameters overrides>']
 *
 * `--dir` is a folder laid out like tests/fixtures/routing (known_values.csv, tsplib/,
 * solomon/original_txt/, cvrp/A/); it defaults to those fixtures. Per-instance time limits
 * default to the targets: TSP 2 s, Solomon 5 s, CVRP 2 s, patrol 30 s. `--clock cpu` measures
 * the limits in CPU time of this process instead of wall time, for a machine shared with other
 * work; the report says which clock was used. `--min-customers` keeps the instances with at least
 * that many jobs. With several seeds every instance is solved once per seed (one at a time, seed
 * by seed) and each set reports the mean and worst gap per seed plus the worst of those means.
 */
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { cpus } from 'node:os';
import { solve } from '../../server/routing/solver/solve.js';
import { checkSolution } from '../../server/routing/solver/check.js';
import { listInstances, type BenchInstance, type SetName } from './routing/sets.js';
import { parseSeeds } from './routing/seeds.js';
import { runPatrol } from './routing/patrol-bench.js';

const DEFAULT_DIR = fileURLToPath(new URL('../../tests/fixtures/routing', import.meta.url));
const DEFAULT_SECONDS: Record<SetName | 'patrol', number> = { tsp: 2, solomon: 5, cvrp: 2, patrol: 30 };

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const dir = arg('dir') ?? DEFAULT_DIR;
const sets = (arg('sets') ?? 'tsp,solomon,cvrp,patrol').split(',') as (SetName | 'patrol')[];
const filter = arg('filter') ? new RegExp(arg('filter')!) : undefined;
const every = Number(arg('every') ?? 1);
const seeds = parseSeeds(arg('seeds') ?? arg('seed') ?? '1');
const minCustomers = Number(arg('min-customers') ?? 0);
const timeOverride = arg('time-limit') ? Number(arg('time-limit')) : undefined;
const clockName = arg('clock') ?? 'wall';
if (clockName !== 'wall' && clockName !== 'cpu') throw new Error('--clock must be wall or cpu');
const sisr = arg('sisr') ? (JSON.parse(arg('sisr')!) as Record<string, number>) : undefined;
const hgs = arg('hgs') ? (JSON.parse(arg('hgs')!) as Record<string, number>) : undefined;
const clock = clockName === 'cpu' ? () => process.cpuUsage().user / 1000 : () => performance.now();

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

const report: Record<string, unknown> = {
  machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
  // Named, not printed as a path: reports get pasted into documents.
  dir: arg('dir') ? 'given with --dir' : 'tests/fixtures/routing',
  ...(seeds.length === 1 ? { seed: seeds[0] } : { seeds }),
  ...(minCustomers > 0 ? { minCustomers } : {}),
  clock: clockName,
  ...(sisr ? { sisr } : {}),
  ...(hgs ? { hgs } : {}),
  sets: {},
};

function runSeed(set: SetName, instances: BenchInstance[], seconds: number, seed: number) {
  const rows = [];
  for (const inst of instances) {
    const problem = inst.load();
    const t0 = clock();
    const solution = solve(problem, { seed, timeLimitMs: seconds * 1000, now: clock, sisr, hgs });
    const ms = clock() - t0;
    const violations = checkSolution(problem, solution);
    const cost = solution.summary.cost;
    const feasible = violations.length === 0 && solution.unassigned.length === 0;
    rows.push({
      instance: inst.name,
      jobs: problem.jobs?.length ?? 0,
      known: inst.known,
      cost: round(cost),
      gapPercent: round((100 * (cost - inst.known)) / inst.known),
      routes: solution.routes.length,
      feasible,
      ...(violations.length ? { violations: violations.slice(0, 3) } : {}),
      timeMs: Math.round(ms),
    });
    const tag = seeds.length > 1 ? ` seed ${seed}` : '';
    process.stderr.write(`${set}${tag} ${inst.name}: ${round(cost)} vs ${inst.known} (${rows.at(-1)!.gapPercent}%)\n`);
  }
  const gaps = rows.map((r) => r.gapPercent);
  return {
    meanGapPercent: round(mean(gaps)),
    maxGapPercent: round(Math.max(...gaps)),
    feasiblePercent: round((100 * rows.filter((r) => r.feasible).length) / Math.max(1, rows.length), 1),
    meanTimeMs: Math.round(mean(rows.map((r) => r.timeMs))),
    rows,
  };
}

for (const set of sets) {
  const seconds = timeOverride ?? DEFAULT_SECONDS[set];
  if (set === 'patrol') {
    const runs = seeds.map((seed) => ({ seed, ...runPatrol(seconds, seed, clock, sisr) }));
    (report.sets as Record<string, unknown>).patrol = runs.length === 1 ? runs[0] : runs;
    continue;
  }
  const instances = listInstances(dir, set).filter(
    (x, i) => (!filter || filter.test(x.name)) && i % every === 0 && x.customers >= minCustomers,
  );
  const perSeed = seeds.map((seed) => runSeed(set, instances, seconds, seed));
  const head = { timeLimitSeconds: seconds, instances: instances.length };
  (report.sets as Record<string, unknown>)[set] =
    perSeed.length === 1
      ? { ...head, ...perSeed[0] }
      : {
          ...head,
          bySeed: perSeed.map(({ meanGapPercent, maxGapPercent, feasiblePercent, meanTimeMs }, i) => ({
            seed: seeds[i], meanGapPercent, maxGapPercent, feasiblePercent, meanTimeMs,
          })),
          worstSeedMeanGapPercent: Math.max(...perSeed.map((r) => r.meanGapPercent)),
          meanGapPercent: round(mean(perSeed.map((r) => r.meanGapPercent))),
          maxGapPercent: Math.max(...perSeed.map((r) => r.maxGapPercent)),
          feasiblePercent: Math.min(...perSeed.map((r) => r.feasiblePercent)),
          runs: perSeed.map((r, i) => ({ seed: seeds[i], ...r })),
        };
}

process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
