// Builds the web app when its sources are newer than the last build, so that `npm start`
// is quick on later runs and never serves a stale bundle.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const inputs = ['web', 'server/contract', 'server/analytics', 'server/routing/problem', 'vite.config.ts', 'package-lock.json'];
const stamp = join('dist', 'web', '.build-stamp');

function newestModifiedMs(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestModifiedMs(join(path, name))), stats.mtimeMs);
}

const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const changedAt = Math.max(...inputs.map(newestModifiedMs));
if (changedAt > builtAt) {
  console.log('Building the web app (vite build)…');
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stamp, new Date().toISOString());
}
