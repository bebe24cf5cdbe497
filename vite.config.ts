import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const SERVICE_WORKER = 'sw';

/**
 * The phone page's service worker is built as /sw.js (a fixed name: the page registers it by that name, and its scope
 * is where it lives), and told the names of every other built file, so that it can keep the whole app shell offline.
 */
function serviceWorkerShell(): Plugin {
  return {
    name: 'jointops-service-worker-shell',
    apply: 'build',
    generateBundle(_options, bundle) {
      const worker = Object.values(bundle).find((file) => file.type === 'chunk' && file.name === SERVICE_WORKER);
      if (!worker || worker.type !== 'chunk') return;
      const files = Object.keys(bundle).filter((name) => name !== worker.fileName && !name.endsWith('.map') && name !== 'index.html');
      worker.code = worker.code.replace('__JOINTOPS_APP_SHELL__', encodeURIComponent(JSON.stringify(files.sort())));
    },
  };
}

const DATABASE_RESTART = 'tests/db/database-restart.test.ts';

// One config for the web build and for the test projects.
// `unit` runs pure modules in parallel; `db` runs everything that opens a database, each file on its own copy of one
// seeded database built before the run (tests/support/db-template.ts), in two workers without isolation so that the
// modules (and PGlite's PostGIS build) load once per worker.
export default defineConfig({
  root: `${root}web`,
  plugins: [react(), serviceWorkerShell()],
  build: {
    outDir: `${root}dist/web`,
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      input: { main: `${root}web/index.html`, [SERVICE_WORKER]: `${root}web/api/service-worker.ts` },
      output: {
        entryFileNames: (chunk) => (chunk.name === SERVICE_WORKER ? 'sw.js' : 'assets/[name]-[hash].js'),
        // zod and the switch that keeps it from probing eval (web/zod-jitless.ts) in one chunk: every chunk that builds
        // a schema imports zod's, so the switch has run before any schema exists, however the pages are split.
        manualChunks: (id) => (id.includes('/node_modules/zod/') || id.endsWith('/web/zod-jitless.ts') ? 'zod' : undefined),
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:8787' } },
  test: {
    root,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          root,
          include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
          exclude: ['tests/api/**', 'tests/db/**', 'tests/e2e/**', 'node_modules/**'],
          environment: 'node',
          // One pool of two workers with the db project (a group shares one maxWorkers).
          maxWorkers: 2,
          // A PDF with its embedded CJK font takes a few seconds on a busy 2-core machine; 5 s cut it off.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'db',
          root,
          include: ['tests/api/**/*.test.ts', 'tests/db/**/*.test.ts'],
          exclude: [DATABASE_RESTART],
          globalSetup: ['tests/support/db-template.ts'],
          setupFiles: ['tests/support/db-file.ts'],
          pool: 'forks',
          maxWorkers: 2,
          isolate: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        // Stops and starts the PostgreSQL server under a running app: alone, after every other file is done with it.
        extends: true,
        test: {
          name: 'db-restart',
          root,
          include: [DATABASE_RESTART],
          sequence: { groupOrder: 1 },
          pool: 'forks',
          testTimeout: 120_000,
        },
      },
    ],
  },
});
