import { beforeAll, expect, test } from 'vitest';
import type { Database } from '../../db/client.js';
import { appendAudit } from '../../db/queries/audit.js';
import { inTransaction } from '../../db/queries/queryable.js';
import { LayerVersions } from '../../server/services/tile-cache.js';
import { testDatabase } from '../support/db.js';

// The tile cache's layer versions on a real database: a write of another process (an import, a second server) is seen
// by the audit log's head, even when this process writes right after it, before the next look at the head.

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});

const entry = (entity: 'clue' | 'wall_display', at: Date) => ({ at, actor: 'test', action: 'clue.create' as const, entity, entityId: 'x', before: null, after: null });

test('another process’s clue write bumps the clue layer although this process wrote after it', async () => {
  let ms = Date.parse('2026-11-01T00:00:00Z');
  const versions = new LayerVersions(() => new Date(ms), 2_000);
  await versions.sync(database);
  const clues = versions.of('clues');

  // Another process writes a clue; then this one writes something that draws on no tile layer.
  await inTransaction(database, (tx) => appendAudit(tx, entry('clue', new Date(ms))));
  await inTransaction(database, (tx) => appendAudit(tx, entry('wall_display', new Date(ms))));
  versions.recordWrite('wall_display');
  expect(versions.of('clues')).toBe(clues);

  ms += 2_500;
  await versions.sync(database);
  expect(versions.of('clues')).toBeGreaterThan(clues);

  // Nothing written since: the head is the same, no more bumps.
  const settled = versions.of('clues');
  ms += 2_500;
  await versions.sync(database);
  expect(versions.of('clues')).toBe(settled);
});
