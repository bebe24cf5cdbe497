import { MAX_WORKING_DAYS } from './calendar.js';
import { DomainInputError } from './errors.js';
import { isIsoDate } from './time.js';

export const DEADLINE_USAGE = 'usage: npm run --silent deadline -- --from <ISO instant with Z or ±hh:mm> --working-days <n>';

export interface DeadlineArgs {
  from: Date;
  workingDays: number;
}

// An instant without its offset would be read in the machine's own time zone: a deadline must not depend on where
// the command runs, so the offset is required.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The deadline command's arguments, or a DomainInputError naming the one that is wrong. */
export function parseDeadlineArgs(argv: readonly string[]): DeadlineArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i];
    if (flag !== '--from' && flag !== '--working-days') throw new DomainInputError([{ path: flag, message: `unknown argument; ${DEADLINE_USAGE}` }]);
    const value = argv[i + 1];
    if (value === undefined) throw new DomainInputError([{ path: flag, message: `needs a value; ${DEADLINE_USAGE}` }]);
    values.set(flag, value);
  }
  const fromText = values.get('--from');
  const daysText = values.get('--working-days');
  if (fromText === undefined) throw new DomainInputError([{ path: '--from', message: `required; ${DEADLINE_USAGE}` }]);
  if (daysText === undefined) throw new DomainInputError([{ path: '--working-days', message: `required; ${DEADLINE_USAGE}` }]);
  const from = new Date(fromText);
  // Date would read 30 February as 2 March.
  if (!INSTANT.test(fromText) || !isIsoDate(fromText.slice(0, 10)) || Number.isNaN(from.getTime()))
    throw new DomainInputError([{ path: '--from', message: `must be an ISO 8601 instant with its offset (2026-09-30T09:00:00+08:00 or …Z), got ${JSON.stringify(fromText)}` }]);
  if (!/^\d+$/.test(daysText) || Number(daysText) > MAX_WORKING_DAYS)
    throw new DomainInputError([{ path: '--working-days', message: `must be an integer from 0 to ${MAX_WORKING_DAYS}, got ${JSON.stringify(daysText)}` }]);
  return { from, workingDays: Number(daysText) };
}
