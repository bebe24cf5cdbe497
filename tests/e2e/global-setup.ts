import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the run's demo data is built once for every server of the run (scripts/browser/server-process.ts demoDataDir). */
    demoDataDir: string;
  }
}

/**
 * Names the directory of the run's demo data. The first file that starts a server builds it there, so a run of files
 * that need no server builds nothing; it is removed when the run ends.
 */
export default function setup(project: TestProject): () => void {
  const runDir = mkdtempSync(join(tmpdir(), 'jointops-e2e-demo-'));
  project.provide('demoDataDir', join(runDir, 'data'));
  return () => rmSync(runDir, { recursive: true, force: true });
}
