/**
 * A clue's deadline in working days, one JSON line on stdout, nothing else:
 *
 *   npm run --silent deadline -- --from <ISO instant> --working-days <n>
 *   {"deadline":"<ISO instant>"}
 *
 * The day of receipt does not count: the deadline is 24:00 Asia/Shanghai of the n-th working day after the day
 * `--from` falls on in Shanghai, by the published holiday schedules and their 调休 make-up days (docs/clues.md). A year
 * without a published schedule is counted on weekends and the fixed-date holidays, and stderr says so. Bad input: one
 * line on stderr, exit code 2.
 */
import { DomainInputError } from '../server/domain/errors.js';
import { DEADLINE_USAGE, parseDeadlineArgs } from '../server/domain/deadline-cli.js';
import { workingDayDeadline } from '../server/domain/clue-deadline.js';
import { shanghaiDate } from '../server/domain/time.js';
import { publishedCalendar } from '../server/services/calendar.js';

function main(): void {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${DEADLINE_USAGE}\n`);
    return;
  }
  const { from, workingDays } = parseDeadlineArgs(argv);
  const calendar = publishedCalendar();
  const deadline = workingDayDeadline(calendar, from, workingDays);
  const years = new Set([Number(shanghaiDate(from).slice(0, 4)), Number(shanghaiDate(new Date(deadline.getTime() - 1)).slice(0, 4))]);
  for (const year of [...years].sort())
    if (calendar.coverage(year) === 'fallback') process.stderr.write(`deadline: ${year} has no published holiday schedule; counted on weekends and fixed-date holidays only\n`);
  process.stdout.write(`${JSON.stringify({ deadline: deadline.toISOString() })}\n`);
}

try {
  main();
} catch (error) {
  if (error instanceof DomainInputError) {
    process.stderr.write(`deadline: ${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
