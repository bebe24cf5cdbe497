import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

// One config for the web build and for the test projects.
// `unit` runs pure modules in parallel; `db` runs everything that opens a database in one
// worker without isolation so that the embedded PostGIS (slow to start) is created once per run.
export default defineConfig({
  root: `${root}web`,
  plugins: [react()],
  build: { outDir: `${root}dist/web`, emptyOutDir: true, chunkSizeWarningLimit: 4000 },
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
        },
      },
      {
        extends: true,
        test: {
          name: 'db',
          root,
          include: ['tests/api/**/*.test.ts', 'tests/db/**/*.test.ts'],
          pool: 'forks',
          maxWorkers: 1,
          isolate: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
