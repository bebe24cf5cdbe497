// Patrol routing: VROOM-style problems in, routes out. Pure (no I/O, no clock): callers pass
// `now` and a seed. The worker entry (worker.ts) is not re-exported so that importing this
// module pulls in no Node built-ins.
export { problemSchema, type VrpProblem, type VrpJob, type VrpVehicle, type VrpBreak, type VrpOptions, type Coordinate } from './problem/schema.js';
export { solutionSchema, type VrpSolution, type VrpRoute, type VrpStep, type VrpUnassigned, type UnassignedReason } from './problem/solution-schema.js';
export { RoutingInputError, type RoutingInputIssue } from './problem/errors.js';
export { parseProblem, DEFAULT_PROFILE } from './problem/validate.js';
export {
  greatCircleCostProvider,
  DEFAULT_SPEED_METRES_PER_SECOND,
  type TravelCostProvider as SolverTravelCostProvider,
  type TravelCosts as SolverTravelCosts,
} from './problem/travel-cost-provider.js';
export { solve, type SolveOptions } from './solver/solve.js';
export { attachMatrices } from './solver/attach-matrices.js';
export { checkSolution, type CheckMatrices } from './solver/check.js';
export { straightLineGeometry, type GeometryProvider } from './solver/output.js';
export type { SearchProgress } from './solver/sisr.js';
export * from './network/index.js';
