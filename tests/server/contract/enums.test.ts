import { describe, expect, test } from 'vitest';
import * as contract from '../../../server/contract/enums.js';
import * as db from '../../../db/schema/enums.js';

// The contract repeats the database enums so that it can stay browser-safe; this keeps them equal.
describe('contract enums equal the database enums', () => {
  test.each([
    ['institution category', contract.institutionCategories, db.institutionCategory.enumValues],
    ['institution nature', contract.institutionNatures, db.institutionNature.enumValues],
    ['institution status', contract.institutionStatuses, db.institutionStatus.enumValues],
    ['list status', contract.listStatuses, db.listStatus.enumValues],
    ['clue source', contract.clueSources, db.clueSource.enumValues],
    ['suspected type', contract.suspectedTypes, db.suspectedType.enumValues],
    ['clue status', contract.clueStatuses, db.clueStatus.enumValues],
    ['user role', contract.userRoles, db.userRole.enumValues],
  ])('%s', (_name, ours, theirs) => {
    expect([...ours]).toEqual([...theirs]);
  });
});
