// The API contract shared by server and web: zod schemas, types and route definitions. Pure and browser-safe.
export * from './enums.js';
export * from './errors.js';
export * from './params.js';
export * from './geojson.js';
export * from './route-config.js';
export * from '../domain/clue-workflow.js';
export * from './health.js';
export * from './auth.js';
export * from './districts.js';
export * from './streets.js';
export * from './grid-cells.js';
export * from './institutions.js';
export * from './clues.js';
export * from './summary.js';
export * from './audit.js';
export * from './routing.js';
export * from './analysis.js';
