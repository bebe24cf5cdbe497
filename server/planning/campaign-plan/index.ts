// The plan of a special campaign (专项行动方案): targets, the schedule over the campaign's shifts, the joint teams and
// the routing problems of every district-shift, and the plan assembled from the solutions. Pure.
export * from './types.js';
export * from './targets.js';
export * from './schedule.js';
export * from './teams.js';
export * from './routes.js';
export * from './report.js';
export * from './pipeline.js';
export * from './replan-remaining.js';
