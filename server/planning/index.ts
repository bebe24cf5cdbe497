// Campaign planning (专项行动): patrol teams from certified officers, target selection, the 双随机 draws (inspection
// objects from the registry, inspectors for joint teams) and the VROOM-style routing problem of a joint patrol. Pure:
// data in, plan out.
export * from './errors.js';
export * from './shift.js';
export * from './campaign-shifts.js';
export * from './rest-rules.js';
export * from './skills.js';
export * from './teams.js';
export * from './targets.js';
export * from './random-draw.js';
export * from './patrol-problem.js';
export * from './plan-summary.js';
export * from './draw-seed.js';
export * from './allocation.js';
export * from './weighted-sample.js';
export * from './registry-draw.js';
export * from './draw-cli.js';
export * from './department-mix.js';
export * from './load.js';
export * from './joint-teams.js';
