export * from './vocabulary.js';
export * from './kpis.js';
export * from './ranking.js';
export * from './presets.js';
export * from './trend.js';
