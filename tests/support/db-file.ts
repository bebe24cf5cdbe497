import { afterAll } from 'vitest';
import { releaseTestDatabase } from './db.js';

// Runs before each db test file: the file's copy of the seeded database goes when the file ends.
afterAll(releaseTestDatabase);
