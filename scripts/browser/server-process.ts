import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monotonicClock } from '../../server/domain/clock.js';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export interface RunningServer {
  url: string;
  log: () => string;
  /**
   * SIGTERM (the embedded database writes its files on the way out), SIGKILL if the server is still there after a
   * while; then the data directory is removed unless it was given. Resolves with the exit code (0: a clean stop).
   */
  stop: () => Promise<number>;
  /** SIGKILL, no time to write anything (a power cut, the OOM killer); resolves once the process is gone. */
  crash: () => Promise<void>;
  /** The server's process id (its resident memory can be read from /proc). */
  pid: number;
}

export interface ServerOptions {
  timeoutMs?: number;
  /** A data directory built by an earlier server (demoDataDir): this server starts on a copy of it. */
  copyDataFrom?: string;
  /** The data directory to use and keep, instead of a temporary one removed at stop (demoDataDir's own build). */
  dataDir?: string;
  /** The port to listen on (a restart on the port its pages already use); default: a free one. */
  port?: number;
  /** A PostgreSQL to serve instead of the environment's DATABASE_URL (or the embedded database when that is unset). */
  databaseUrl?: string;
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

/**
 * For the browser tests and the browser benchmark. Starts `server/main.ts` as a child process on a free port with a
 * fresh embedded database in a temporary directory (or on DATABASE_URL when set), and waits until /api/health
 * answers. A start on an empty directory builds the demo data (about a minute); one on a copy of a built directory
 * (`copyDataFrom`) takes seconds.
 */
export async function startServer({ timeoutMs = 240_000, copyDataFrom, dataDir: givenDataDir, port: givenPort, databaseUrl }: ServerOptions = {}): Promise<RunningServer> {
  const port = givenPort ?? (await freePort());
  const dataDir = givenDataDir ?? mkdtempSync(join(tmpdir(), 'jointops-e2e-'));
  if (copyDataFrom) cpSync(copyDataFrom, dataDir, { recursive: true });
  const output: string[] = [];
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, NODE_ENV: 'production', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 400) output.splice(0, output.length - 400);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited: number | null = null;
  const gone = new Promise<number>((done) => child.once('exit', (code) => done((exited = code ?? -1))));

  const stop = async () => {
    if (exited === null) {
      // A kept directory gets the time PGlite needs to write its files; a temporary one is removed anyway, so its
      // server is not waited for long.
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), givenDataDir ? 120_000 : 5_000);
      await gone;
      clearTimeout(timer);
    }
    if (!givenDataDir) rmSync(dataDir, { recursive: true, force: true });
    return gone;
  };
  const crash = async () => {
    if (exited === null) child.kill('SIGKILL');
    await gone;
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = monotonicClock() + timeoutMs;
  while (monotonicClock() < deadline) {
    if (exited !== null) {
      await stop();
      throw new Error(`server exited with code ${exited} before it was ready:\n${output.join('')}`);
    }
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return { url, log: () => output.join(''), stop, crash, pid: child.pid ?? 0 };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`server not ready after ${timeoutMs} ms:\n${output.join('')}`);
}

/**
 * The demo data of a run, built once in `dir` by a server started on it and stopped, for the servers that then start
 * on copies of it (startServer's `copyDataFrom`): each starts in seconds instead of building the demo data (half a
 * minute of CPU, a minute or more of waiting on a busy machine) and still starts from the same data, untouched by the tests before it. Built under another name and
 * renamed when complete, so a build cut short is never taken for one. Undefined when DATABASE_URL is set: the servers
 * share that database, and the first of them builds the demo data there.
 */
export async function demoDataDir(dir: string, timeoutMs?: number): Promise<string | undefined> {
  if (process.env.DATABASE_URL) return undefined;
  if (existsSync(dir)) return dir;
  const building = `${dir}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const server = await startServer({ timeoutMs, dataDir: building });
  const log = server.log();
  const code = await server.stop();
  if (code !== 0) throw new Error(`the server that built the demo data did not stop cleanly (exit code ${code}):\n${log}`);
  try {
    renameSync(building, dir);
  } catch (error) {
    // Another process built it first: its data is as good as this one's.
    if (!existsSync(dir)) throw error;
    rmSync(building, { recursive: true, force: true });
  }
  return dir;
}
