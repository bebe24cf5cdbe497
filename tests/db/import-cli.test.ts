import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createDb, type Database } from '../../db/client.js';
import { verifyAuditChain } from '../../db/queries/audit.js';
import { realRowCounts } from '../../db/queries/layer-import.js';
import { databaseUrlOf, withAdmin } from '../support/db.js';

// `npm run import` as a user runs it: a process of its own on a database of its own (a copy of the seeded template),
// its exit code, its JSON on stdout and its progress on stderr; and `kill -9` in the middle of an import.

const root = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'jointops-import-cli-'));
let env: Record<string, string>;
let open: () => Promise<Database>;
let drop: () => Promise<void> = async () => {};

beforeAll(async () => {
  const template = inject('dbTemplate');
  if (template.engine === 'postgres') {
    const serverUrl = process.env.DATABASE_URL!;
    const name = await withAdmin(serverUrl, async (admin, nameOf) => {
      const copy = nameOf(`import_cli_${process.pid}`);
      await admin.query(`DROP DATABASE IF EXISTS "${copy}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${copy}" TEMPLATE "${template.name}"`);
      return copy;
    });
    const url = databaseUrlOf(serverUrl, name);
    env = { DATABASE_URL: url };
    open = () => createDb({ databaseUrl: url });
    drop = () => withAdmin(serverUrl, async (admin) => void (await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)));
  } else {
    const dataDir = join(work, 'data');
    const seeded = await createDb({ dataDir, loadDataDir: new Blob([readFileSync(template.file)]) });
    await seeded.close();
    env = { DATABASE_URL: '', DATA_DIR: dataDir };
    open = () => createDb({ dataDir });
  }
});

afterAll(async () => {
  await drop();
  rmSync(work, { recursive: true, force: true });
});

/** Node itself with tsx as a loader, so that a SIGKILL reaches the process that holds the database. */
const command = (args: string[]) => [process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args]] as const;

function importCli(...args: string[]) {
  const [node, argv] = command(args);
  const result = spawnSync(node, argv, { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function counts() {
  const database = await open();
  try {
    return { ...(await realRowCounts(database)), chain: (await verifyAuditChain(database)).ok };
  } finally {
    await database.close();
  }
}

function file(name: string, text: string): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

const header = 'name,category,nature,status,address,longitude,latitude\n';

describe('npm run import', () => {
  test('exit 0 with the report as JSON, a progress bar on stderr, the rows written', async () => {
    const before = await counts();
    const csv = file('ok.csv', `${header}命令行甲,学科类,营利,持证,普陀区1号,121.40,31.25\n命令行乙,体育,营利,已登记,静安区2号,121.45,31.23\n`);
    const run = importCli('--layer', 'institutions', csv);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ layer: 'institutions', committed: true, records: 2, imported: 2, problems: [] });
    expect(run.stderr).toMatch(/storing +\[#{30}\] 100%/);
    expect((await counts()).institutions).toBe(before.institutions + 2);
  });

  test('exit 2 with the per-row report on a refusal, and a dry run: nothing written either way', async () => {
    const before = await counts();
    const bad = file('bad.csv', `${header}命令行丙,学科类,营利,持证,a,121.40,31.25\n命令行丁,学科类,营利,开业,b,121.40,31.25\n`);
    const refused = importCli('--layer', 'institutions', bad);
    expect(refused.status).toBe(2);
    expect(JSON.parse(refused.stdout).problems).toEqual([{ path: 'line 3.status', message: expect.stringContaining('"开业" is not one of') }]);
    const dry = importCli('--layer', 'institutions', '--dry-run', file('dry.csv', `${header}命令行戊,学科类,营利,持证,a,121.40,31.25\n`));
    expect(dry.status).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, committed: false, imported: 1 });
    expect(await counts()).toEqual(before);
  });

  test('--map and --encoding and --crs are taken; a usage error exits 1 with one clear line and no JSON', () => {
    const csv = file('mapped.csv', 'org,kind,type,state,addr,经度,纬度\n命令行己,科技,营利,licensed,a,121.40,31.25\n');
    const run = importCli('--layer', 'institutions', '--encoding', 'utf8', '--crs', 'cgcs2000', '--map', 'name=org', '--map', 'category=kind', '--map', 'nature=type', '--map', 'status=state', '--map', 'address=addr', '--dry-run', csv);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ crs: 'cgcs2000', encoding: 'utf-8', imported: 1, notes: [expect.stringMatching(/CGCS2000/)] });
    const cases: [string[], RegExp][] = [
      [[csv], /--layer is required/],
      [['--layer', 'roads', csv], /--layer roads: not one of institutions, clues, grid-cells/],
      [['--layer', 'clues', '--crs', 'epsg3857', csv], /--crs epsg3857: not one of wgs84, gcj02, bd09, cgcs2000/],
      [['--layer', 'clues', '--encoding', 'latin1', csv], /--encoding latin1: not one of utf8, gbk/],
      [['--layer', 'clues', '--map', 'address', csv], /--map needs field=column/],
      [['--layer', 'clues'], /no file given/],
      [['--layer', 'clues', join(work, 'absent.csv')], /cannot read .*absent\.csv: no such file/],
      [['--layer', 'clues', '--colour', 'red', csv], /unknown option --colour/],
    ];
    for (const [args, message] of cases) {
      const failed = importCli(...args);
      expect(failed.status, args.join(' ')).toBe(1);
      expect(failed.stderr).toMatch(message);
      expect(failed.stdout).toBe('');
    }
  });

  test('kill -9 in the middle of storing leaves nothing behind, and the audit chain verifies', async () => {
    const before = await counts();
    const rows = Array.from({ length: 30_000 }, (_, i) => `杀进程${i},学科类,营利,持证,普陀区${i}号,${(121.38 + (i % 100) * 0.0003).toFixed(5)},${(31.24 + Math.floor(i / 100) * 0.00005).toFixed(5)}`);
    const csv = file('big.csv', `${header}${rows.join('\n')}\n`);
    const [node, argv] = command(['--layer', 'institutions', csv]);
    const outcome = await new Promise<{ killed: boolean; code: number | null; output: string }>((resolve, reject) => {
      const child = spawn(node, argv, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      let killed = false;
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk: string) => {
        output += chunk;
        if (!killed && /storing +\[#+\.+\] [1-9]\d?%/.test(output)) {
          killed = true;
          child.kill('SIGKILL');
        }
      });
      child.on('error', reject);
      child.on('exit', (code) => resolve({ killed, code, output }));
    });
    expect(outcome.killed, outcome.output).toBe(true);
    expect(outcome.code).toBeNull();
    const after = await counts();
    expect(after).toEqual(before);
    expect(after.chain).toBe(true);
  });
});
