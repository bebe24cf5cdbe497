import { basename } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// The API and database files share one seeded database (tests/support/db.ts). These files leave campaigns under way
// and their results behind (check-ins flowing back into last-inspected dates and violations, events, clues), which
// other files' draws and counts would see: they run after every other file, in this order, each of them written to
// hold whatever the ones before it left.
const LAST = ['campaign-replan-team', 'campaign-progress', 'campaign-report', 'events', 'field', 'photos', 'photos-check'];

const rank = (file: TestSpecification): number => {
  if (!file.moduleId.includes('/tests/api/')) return -1;
  return LAST.indexOf(basename(file.moduleId, '.test.ts'));
};

export class SharedDatabaseSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    // Array.prototype.sort is stable: every other file keeps the base order, ahead of the listed ones.
    return [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}
