import type { Random } from '../../../domain/random.js';
import { CvrpLocalSearch } from './local-search.js';
import type { CvrpModel } from './model.js';
import { Individual, Subpopulation, tournament, type PopulationParameters } from './population.js';
import { Splitter } from './split.js';

/**
 * Hybrid genetic search for the CVRP (Vidal et al., Operations Research 60(3), 2012; Vidal,
 * "Hybrid genetic search for the CVRP: open-source implementation and SWAP* neighborhood",
 * Computers & Operations Research 140, 2022), written from the papers: giant-tour chromosomes,
 * ordered crossover, the optimal split, local search as education, feasible and infeasible
 * subpopulations under biased fitness, and a capacity penalty steered towards a target share
 * of feasible offspring.
 */
export interface HgsParameters extends PopulationParameters {
  /** Nearest customers in the local search. */
  granularity: number;
  /** Share of offspring that should be feasible after education; the penalty is steered to it. */
  targetFeasible: number;
  /** Random solutions educated to start: this many times the minimal subpopulation size. */
  initialFactor: number;
  /** Share of the time or iteration budget the initial population may take at most. */
  initialShare: number;
  /** Probability that an infeasible offspring is repaired (educated again with a tenfold penalty). */
  repairRate: number;
}

export const DEFAULT_HGS_PARAMETERS: HgsParameters = {
  minSize: 25,
  generationSize: 40,
  elite: 4,
  close: 5,
  granularity: 20,
  targetFeasible: 0.2,
  initialFactor: 4,
  initialShare: 0.2,
  repairRate: 0.5,
};

export interface HgsBudget {
  maxIterations: number;
  timeLimitMs: number;
  now: () => number;
  onProgress?: (iteration: number, elapsedMs: number, fraction: number, bestCost: number) => void;
}

/** Offspring between two penalty updates. */
const PENALTY_PERIOD = 100;
const PROGRESS_EVERY = 16;

export interface HgsResult {
  /** Customer nodes (1-based) of each route of the best feasible solution, or undefined if none was found. */
  routes: Int32Array[] | undefined;
  cost: number;
  iterations: number;
}

export function runHgs(model: CvrpModel, rng: Random, budget: HgsBudget, params: HgsParameters = DEFAULT_HGS_PARAMETERS): HgsResult {
  const t0 = budget.now();
  const elapsed = () => budget.now() - t0;
  const fraction = (iteration: number) =>
    Math.max(iteration / budget.maxIterations, budget.timeLimitMs > 0 ? elapsed() / budget.timeLimitMs : 1);
  const maxDemand = Math.max(...model.demand);
  let penalty = Math.max(0.1, Math.min(1000, model.maxDist / Math.max(1, maxDemand)));
  const routes = model.customers;
  const ls = new CvrpLocalSearch(model, rng, routes, params.granularity);
  const splitter = new Splitter(model);
  const feasible = new Subpopulation(params);
  const infeasible = new Subpopulation(params);
  let best: Individual | undefined;
  const recent: boolean[] = [];

  const educate = (tour: Int32Array): void => {
    ls.penalty = penalty;
    ls.load(splitter.split(tour, penalty));
    ls.run();
    const ind = new Individual(model, ls.export(), penalty);
    recent.push(ind.feasible);
    place(ind);
    if (!ind.feasible && rng.next() < params.repairRate) {
      ls.penalty = penalty * 10;
      ls.run();
      const repaired = new Individual(model, ls.export(), penalty);
      if (repaired.feasible) place(repaired);
    }
  };
  const place = (ind: Individual): void => {
    if (ind.feasible) {
      feasible.add(ind);
      if (!best || ind.cost < best.cost - 1e-9) best = ind;
    } else infeasible.add(ind);
  };

  let iteration = 0;
  const report = () => {
    if (budget.onProgress && iteration % PROGRESS_EVERY === 0) {
      budget.onProgress(iteration, elapsed(), Math.min(1, fraction(iteration)), best?.cost ?? Infinity);
    }
  };
  const initial = params.initialFactor * params.minSize;
  for (let i = 0; i < initial && iteration < budget.maxIterations; i++, iteration++) {
    if (i > 0 && fraction(iteration) >= params.initialShare) break;
    report();
    educate(randomTour(model.customers, rng));
  }
  for (; fraction(iteration) < 1; iteration++) {
    report();
    feasible.updateFitness();
    infeasible.updateFitness();
    const a = tournament(feasible, infeasible, rng);
    const b = tournament(feasible, infeasible, rng);
    educate(orderedCrossover(a.tour, b.tour, rng));
    if (iteration % PENALTY_PERIOD === PENALTY_PERIOD - 1) {
      const share = recent.filter(Boolean).length / Math.max(1, recent.length);
      recent.length = 0;
      if (share < params.targetFeasible - 0.05) penalty = Math.min(100_000, penalty * 1.2);
      else if (share > params.targetFeasible + 0.05) penalty = Math.max(0.1, penalty * 0.85);
      infeasible.reprice(penalty);
    }
  }
  return { routes: best?.routes, cost: best?.cost ?? Infinity, iterations: iteration };
}

function randomTour(customers: number, rng: Random): Int32Array {
  const tour = Int32Array.from({ length: customers }, (_, i) => i + 1);
  for (let i = customers - 1; i > 0; i--) {
    const k = rng.int(i + 1);
    const t = tour[i];
    tour[i] = tour[k];
    tour[k] = t;
  }
  return tour;
}

/**
 * Ordered crossover (Oliver, Smith & Holland 1987): a random slice of the first parent keeps its
 * positions, the other customers follow in the second parent's order from the slice's end.
 */
export function orderedCrossover(a: Int32Array, b: Int32Array, rng: Random): Int32Array {
  const n = a.length;
  const child = new Int32Array(n);
  const taken = new Uint8Array(n + 1);
  const start = rng.int(n);
  let end = rng.int(n);
  while (n > 1 && end === start) end = rng.int(n);
  // The slice wraps around the end; counted, so that end = start − 1 takes the whole tour, not none.
  const length = ((end - start + n) % n) + 1;
  for (let k = 0, i = start; k < length; k++, i = (i + 1) % n) {
    child[i] = a[i];
    taken[a[i]] = 1;
  }
  let k = (end + 1) % n;
  for (let j = 0; j < n; j++) {
    const c = b[(end + 1 + j) % n];
    if (taken[c]) continue;
    child[k] = c;
    k = (k + 1) % n;
  }
  return child;
}
