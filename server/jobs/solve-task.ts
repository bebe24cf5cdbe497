import { createTravelCostProvider, prepareRoadNetwork, RoadNetworkInputError, type RoadNetworkData, type RoutableNetwork } from '../routing/network/index.js';
import { RoutingInputError, type RoutingInputIssue } from '../routing/problem/errors.js';
import { parseProblem } from '../routing/problem/validate.js';
import { solve } from '../routing/solver/solve.js';
import { withRoadPaths, type SolutionWithPaths } from './route-paths.js';

/** One solve, as sent to a worker thread. */
export interface SolveTask {
  problem: unknown;
  seed: number;
  timeLimitMs: number;
  /** Stop after this many search iterations as well: with a budget the time limit does not reach, the same seed gives the same routes. */
  maxIterations?: number;
  /** Hour of departure for the hourly travel speed (e.g. 18 = evening peak); undefined = off-peak. */
  departureHour?: number;
}

export interface SolveProgress {
  /** 0..1 of the time budget. */
  fraction: number;
  iteration: number;
  elapsedMs: number;
}

export interface SolveResult {
  solution: SolutionWithPaths;
  /** Some route or travel time is a straight-line estimate. */
  approximate: boolean;
  roadNetwork: { edges: number; nodes: number } | null;
}

export type SolveFailure = { kind: 'input'; message: string; issues: RoutingInputIssue[] } | { kind: 'internal'; message: string };

/** Solves a task on a prepared road network (null = straight-line estimates only). Throws RoutingInputError for bad input. */
export function runSolveTask(task: SolveTask, network: RoutableNetwork | null, now: () => number, onProgress?: (p: SolveProgress) => void): SolveResult {
  const problem = parseProblem(task.problem);
  const options = task.departureHour === undefined ? {} : { departureHour: task.departureHour };
  let approximateCosts = false;
  const provider = createTravelCostProvider(network, options);
  const solution = solve(problem, {
    seed: task.seed,
    timeLimitMs: task.timeLimitMs,
    maxIterations: task.maxIterations,
    now,
    costProvider: (locations, profile) => {
      const costs = provider(locations, profile);
      approximateCosts ||= costs.approximate;
      return costs;
    },
    onProgress: (p) => onProgress?.({ fraction: p.fraction, iteration: p.iteration, elapsedMs: p.elapsedMs }),
  });
  // Geometry is drawn for problems given by coordinates (with matrices there is nothing to draw on).
  const drawable = problem.matrices === undefined;
  const withPaths: SolutionWithPaths = drawable
    ? withRoadPaths(solution, network, options)
    : { ...solution, routes: solution.routes.map((r) => ({ ...r, approximate: false, timestamps: [] })) };
  return {
    solution: withPaths,
    approximate: drawable && (approximateCosts || withPaths.routes.some((r) => r.approximate)),
    roadNetwork: network ? { edges: network.graph.edgeCount, nodes: network.graph.nodeCount } : null,
  };
}

export function describeFailure(error: unknown): SolveFailure {
  if (error instanceof RoutingInputError) return { kind: 'input', message: error.message, issues: error.issues };
  if (error instanceof RoadNetworkInputError) return { kind: 'input', message: error.message, issues: [{ path: '', message: error.message }] };
  return { kind: 'internal', message: error instanceof Error ? error.message : String(error) };
}

/** Keeps the last prepared network so that a worker prepares each stored network once. */
export function networkKeeper() {
  let kept: { version: string; network: RoutableNetwork | null } | null = null;
  return {
    has: (version: string) => kept?.version === version,
    set(version: string, data: RoadNetworkData | null) {
      kept = { version, network: data && data.edges.length > 0 ? prepareRoadNetwork(data) : null };
    },
    get: () => kept?.network ?? null,
  };
}
