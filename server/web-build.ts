// Builds the web app when its sources are newer than the last build, so that `npm start` is quick on later
// runs and never serves a stale bundle. It runs as a child process, in parallel with the database start.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';

const INPUTS = ['web', 'server/contract', 'server/analytics', 'server/routing/problem', 'vite.config.ts', 'package-lock.json'];

function newestModifiedMs(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestModifiedMs(join(path, name))), stats.mtimeMs);
}

/** Resolves when `outDir` holds a build at least as new as the sources under `root`. */
export async function ensureWebBuild(root: string, outDir: string, log: (message: string) => void): Promise<void> {
  // Every build writes index.html, so its time is that of the last build (also after `npm run build:web`).
  const index = join(outDir, 'index.html');
  const builtAt = existsSync(index) ? statSync(index).mtimeMs : 0;
  const changedAt = Math.max(...INPUTS.map((input) => newestModifiedMs(join(root, input))));
  if (changedAt <= builtAt) return;
  log('building the web app (vite build)');
  const output: string[] = [];
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.on('error', fail);
    child.on('exit', done);
  });
  if (code !== 0) throw new Error(`the web build failed (vite build exited with ${code}):\n${output.join('')}`);
  log('web app built');
}
