import type { VrpProblem } from '../problem/schema.js';
import type { VrpSolution } from '../problem/solution-schema.js';
import { RoutingInputError } from '../problem/errors.js';
import { parseProblem } from '../problem/validate.js';
import type { TravelCostProvider } from '../problem/travel-cost-provider.js';
import { constructSolution } from './construct.js';
import { compileInstance, type Instance } from './instance.js';
import { polishRoutes } from './local-search.js';
import { jobNeighbours } from './neighbours.js';
import { GranularSearch } from './granular-search.js';
import { buildSolution, straightLineGeometry, type GeometryProvider } from './output.js';
import { createRandom } from '../../domain/random.js';
import { Sisr, DEFAULT_SISR_PARAMETERS, type SearchProgress, type SisrParameters } from './sisr.js';
import { Solution } from './solution.js';
import { solveSingleTour, tourApplies } from './single-tour.js';
import { cvrpApplies, cvrpModel } from './cvrp/model.js';
import { runHgs, DEFAULT_HGS_PARAMETERS, type HgsParameters } from './cvrp/hgs.js';

export interface SolveOptions {
  /** Seed of the PRNG; the same seed and iteration limit give the same solution. */
  seed?: number;
  /** Stop after this many milliseconds of search; needs `now`. */
  timeLimitMs?: number;
  /** Stop after this many search iterations. Default 20,000 when no time limit is given. */
  maxIterations?: number;
  /** Clock in milliseconds (e.g. performance.now); the module never reads one itself. */
  now?: () => number;
  /** Computes travel matrices when the problem has coordinates but no matrices. */
  costProvider?: TravelCostProvider;
  /** Draws route geometry when options.g is set; defaults to straight lines between stops. */
  geometryProvider?: GeometryProvider;
  onProgress?: (progress: SearchProgress) => void;
  /** Overrides the metaheuristic's parameters (for experiments). */
  sisr?: Partial<SisrParameters>;
  /** Overrides the CVRP genetic search's parameters (for experiments). */
  hgs?: Partial<HgsParameters>;
}

const DEFAULT_ITERATIONS = 20_000;
const NEIGHBOUR_LIMIT = 100;

/** Solves a VROOM-style routing problem. Throws RoutingInputError for invalid input. */
export function solve(input: unknown, options: SolveOptions = {}): VrpSolution {
  if (options.timeLimitMs !== undefined && options.now === undefined) {
    throw new RangeError('timeLimitMs needs a now() clock');
  }
  const now = options.now ?? (() => 0);
  const tLoad = now();
  // The time limit covers the whole call: reading, matrices, search and output.
  const deadline = tLoad + (options.timeLimitMs ?? Infinity);
  const problem: VrpProblem = parseProblem(input);
  const inst = compileInstance(problem, { costProvider: options.costProvider });
  const geometry = problem.options?.g ? geometryFor(inst, options.geometryProvider) : undefined;
  const tSolve = now();
  const sol = solveInstance(inst, options, now, deadline);
  const tRoute = now();
  const solution = buildSolution(sol, {
    geometry,
    computingTimes: { loading: Math.round(tSolve - tLoad), solving: Math.round(tRoute - tSolve), routing: 0 },
  });
  solution.summary.computing_times.routing = Math.round(now() - tRoute);
  return solution;
}

/** Share of the remaining time kept for the final route polish and the output. */
const FINISH_RESERVE = 0.04;

export function solveInstance(
  inst: Instance,
  options: SolveOptions,
  now: () => number,
  deadline = now() + (options.timeLimitMs ?? Infinity),
): Solution {
  const rng = createRandom(options.seed ?? 1);
  const timeLimitMs = (deadline - now()) * (1 - FINISH_RESERVE);
  const maxIterations = options.maxIterations ?? (options.timeLimitMs === undefined ? DEFAULT_ITERATIONS : Infinity);
  const sol = new Solution(inst);
  if (inst.jobCount === 0) return sol;
  const t0 = now();
  if (tourApplies(inst) && solveSingleTour(sol, rng, { maxIterations: maxIterations * 10, timeLimitMs, now })) {
    options.onProgress?.({ iteration: 0, elapsedMs: now() - t0, fraction: 1, best: sol.score() });
    return sol;
  }
  if (cvrpApplies(inst) && solveCvrp(sol, rng, options, maxIterations, t0 + timeLimitMs, now)) {
    polishRoutes(sol, now, deadline);
    return sol;
  }
  constructSolution(sol, Array.from({ length: inst.jobCount }, (_, j) => j));
  const neighbours = jobNeighbours(inst, NEIGHBOUR_LIMIT);
  const params = { ...DEFAULT_SISR_PARAMETERS, ...options.sisr };
  const localSearch =
    GranularSearch.applies(inst) && params.localSearchRate > 0 && inst.jobCount <= params.localSearchMaxJobs
      ? new GranularSearch(sol, neighbours, { neighbours: params.granularity })
      : undefined;
  localSearch?.improve();
  const sisr = new Sisr(sol, rng, neighbours, params, localSearch);
  sisr.run({
    maxIterations,
    timeLimitMs: timeLimitMs - (now() - t0),
    now,
    onProgress: options.onProgress,
  });
  polishRoutes(sol, now, deadline);
  return sol;
}

/**
 * One generation of the genetic search (crossover, split, education) costs about as much as
 * HGS_ITERATION ruin-and-recreate iterations: an iteration limit means the same effort either way.
 */
const HGS_ITERATION = 10;

/** Classic CVRP: the genetic search; false (and `sol` untouched) if it found no feasible solution. */
function solveCvrp(
  sol: Solution,
  rng: ReturnType<typeof createRandom>,
  options: SolveOptions,
  maxIterations: number,
  searchEnd: number,
  now: () => number,
): boolean {
  const inst = sol.inst;
  const model = cvrpModel(inst);
  // A feasible CVRP solution serves every job.
  const allPriority = inst.priority.reduce((a, b) => a + b, 0);
  const result = runHgs(
    model,
    rng,
    {
      maxIterations: Math.ceil(maxIterations / HGS_ITERATION),
      timeLimitMs: searchEnd - now(),
      now,
      onProgress: options.onProgress
        ? (iteration, elapsedMs, fraction, cost) =>
            options.onProgress!({
              iteration,
              elapsedMs,
              fraction,
              best: cost < Infinity ? { priority: allPriority, served: inst.jobCount, cost } : { priority: 0, served: 0, cost },
            })
        : undefined,
    },
    { ...DEFAULT_HGS_PARAMETERS, ...options.hgs },
  );
  if (!result.routes) return false;
  result.routes.forEach((customers, r) => {
    const route = sol.routes[r];
    route.tasks = Array.from(customers, (c) => c - 1);
    route.update();
    for (const j of route.tasks) sol.jobRoute[j] = r;
  });
  return true;
}

function geometryFor(inst: Instance, provider: GeometryProvider | undefined): GeometryProvider {
  const p = inst.problem;
  const missing =
    (p.jobs ?? []).some((j) => j.location === undefined) ||
    p.vehicles.some(
      (v) => (v.start_index !== undefined && v.start === undefined) || (v.end_index !== undefined && v.end === undefined),
    );
  if (missing) {
    throw new RoutingInputError([
      { path: 'options.g', message: 'geometry needs coordinates ([lon, lat]) for every job, start and end' },
    ]);
  }
  return provider ?? straightLineGeometry;
}
