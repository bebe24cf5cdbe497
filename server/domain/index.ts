// The domain kernel: the rules every layer shares, each defined once. Pure: no I/O, no clock of its own (see
// clock.ts), no randomness but the seeded generator; it imports nothing of the product outside this folder.
export * from './calendar.js';
export * from './campaign-days.js';
export * from './canonical-json.js';
export * from './check-in.js';
export * from './clock.js';
export * from './clue-workflow.js';
export * from './clue-deadline.js';
export * from './clue-escalation.js';
export * from './responsibility-matrix.js';
export * from './deadline-cli.js';
export * from './csv.js';
export * from './districts.js';
export * from './errors.js';
export * from './geodesy.js';
export * from './holiday-import.js';
export * from './institution.js';
export * from './list-status.js';
export * from './period-change.js';
export * from './random.js';
export * from './risk.js';
export * from './school-vacation-defaults.js';
export * from './school-vacations.js';
export * from './time.js';
export * from './time-steps.js';
export * from './travel.js';
export * from './vocabulary.js';
