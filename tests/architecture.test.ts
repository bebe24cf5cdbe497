import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

// The folder rules of docs/ARCHITECTURE.md, checked by reading every import.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(dir: string): string[] {
  const full = join(root, dir);
  let entries: string[];
  try {
    entries = readdirSync(full);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(full, name);
    if (statSync(path).isDirectory()) return sourceFiles(relative(root, path));
    return /\.(ts|tsx|mjs)$/.test(name) ? [relative(root, path)] : [];
  });
}

interface ImportLine {
  specifier: string;
  typeOnly: boolean;
}

const read = (file: string) => readFileSync(join(root, file), 'utf8');

/** The code without its comments, so that a rule's own explanation in a comment is not a violation. */
function code(file: string): string {
  return read(file)
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

function importsOf(file: string): ImportLine[] {
  const pattern = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;
  return [...read(file).matchAll(pattern)].map((match) => ({ specifier: match[3] ?? match[4], typeOnly: Boolean(match[2]) }));
}

/** Resolves a relative specifier to a top-level path like `server/routes/x`; packages stay as they are. */
function target(file: string, specifier: string): string {
  return specifier.startsWith('.') ? relative(root, resolve(root, dirname(file), specifier)) : specifier;
}

function violationsOf(files: string[], rule: (file: string, to: string, line: ImportLine) => boolean): string[] {
  return files.flatMap((file) =>
    importsOf(file)
      .filter((line) => rule(file, target(file, line.specifier), line))
      .map(({ specifier }) => `${file} imports ${specifier}`),
  );
}

const pureFolders = ['server/domain', 'server/contract', 'server/analytics', 'server/planning', 'server/routing', 'server/interop'];
const pureFiles = pureFolders.flatMap(sourceFiles);
const forbiddenInPure = [
  /^node:/,
  /^(fs|path|child_process|worker_threads|http|net|crypto|os)$/,
  /^pg$/,
  /^@electric-sql\//,
  /^drizzle-orm/,
  /^hono($|\/)/,
  /^@hono\/node-server/,
  /^db\//,
  /^server\/(services|jobs|routes|middleware|http|auth|app|main)/,
];

/** SQL statements, in any letter case, as they would appear in a string of code. */
const SQL_PATTERN =
  /\b(select\s+(distinct\s+)?[\w*(".]+(\s*,\s*[\w*(".]+)*\s+from\s+\w|insert\s+into\s+\w|update\s+\w+\s+set\s|delete\s+from\s+\w|create\s+(table|index)\s|alter\s+table\s|drop\s+(table|schema)\s)/i;

/** The only readers of the real clock and the only source of randomness. */
const clockFiles = new Set(['server/domain/clock.ts', 'server/main.ts']);
const productFolders = ['server', 'db', 'web', 'scripts'];

describe('architecture rules', () => {
  test('pure modules import no database, HTTP, platform or product layer above them', () => {
    expect(violationsOf(pureFiles, (_file, to) => forbiddenInPure.some((rule) => rule.test(to)))).toEqual([]);
  });

  test('pure modules read no environment', () => {
    expect(pureFiles.filter((file) => /process\.env/.test(code(file)))).toEqual([]);
  });

  test('the domain kernel imports nothing of the product but itself', () => {
    const violations = violationsOf(sourceFiles('server/domain'), (_file, to) => /^(server|db|web|scripts)\//.test(to) && !to.startsWith('server/domain'));
    expect(violations).toEqual([]);
  });

  test('no clock and no Math.random outside the kernel’s clock and the server entry', () => {
    const pattern = /\bDate\.now\(|new Date\(\s*\)|Math\.random\(/;
    const violations = productFolders
      .flatMap(sourceFiles)
      .filter((file) => !clockFiles.has(file) && pattern.test(code(file)));
    expect(violations).toEqual([]);
  });

  test('db/ imports only the domain kernel of server/, and nothing of web/', () => {
    const violations = violationsOf(sourceFiles('db'), (_file, to) => (to.startsWith('server/') && !to.startsWith('server/domain/')) || to.startsWith('web/'));
    expect(violations).toEqual([]);
  });

  test('routes call services: no query, engine or job is imported by a router', () => {
    const violations = violationsOf(sourceFiles('server/routes'), (_file, to, line) =>
      !line.typeOnly && /^(db\/|server\/(analytics|planning|routing|jobs|photos)\/)/.test(to),
    );
    expect(violations).toEqual([]);
  });

  test('services speak no HTTP: they import no hono, router or middleware', () => {
    const violations = violationsOf(sourceFiles('server/services'), (_file, to) => /^hono($|\/)|^@hono\//.test(to) || /^server\/(routes|middleware|http)\//.test(to));
    expect(violations).toEqual([]);
  });

  test('web/ imports only the pure server modules, and the app only as a type', () => {
    const violations = violationsOf(sourceFiles('web'), (_file, to, line) => {
      if (to.startsWith('db/')) return true;
      return to.startsWith('server/') && !/^server\/(domain|contract|analytics|routing\/problem|planning\/dispatch)(\/|$)/.test(to) && !line.typeOnly;
    });
    expect(violations).toEqual([]);
  });

  test('documents are made from their input alone: no database, HTTP, service or job', () => {
    const violations = violationsOf(sourceFiles('server/documents'), (_file, to) =>
      /^(db\/|pg$|@electric-sql\/|drizzle-orm|hono($|\/)|@hono\/)/.test(to) || /^server\/(services|jobs|routes|middleware|http|auth|app|main)/.test(to),
    );
    expect(violations).toEqual([]);
    expect(sourceFiles('server/documents').length).toBeGreaterThan(2);
  });

  test('the photo modules work on bytes and files: no database, HTTP, service or job', () => {
    const violations = violationsOf(sourceFiles('server/photos'), (_file, to) =>
      /^(db\/|pg$|@electric-sql\/|drizzle-orm|hono($|\/)|@hono\/)/.test(to) || /^server\/(services|jobs|routes|middleware|http|auth|app|main)/.test(to),
    );
    expect(violations).toEqual([]);
    expect(sourceFiles('server/photos').length).toBeGreaterThan(2);
  });

  test('only web/api fetches', () => {
    const violations = sourceFiles('web')
      .filter((file) => !file.startsWith('web/api/'))
      .filter((file) => /\bfetch\(|XMLHttpRequest|new EventSource\(/.test(code(file)));
    expect(violations).toEqual([]);
  });

  test('the national calendar is read through the calendar service, which adds the entered holiday schedules', () => {
    const violations = productFolders
      .flatMap(sourceFiles)
      .filter((file) => !file.startsWith('server/domain/') && file !== 'server/services/calendar.ts')
      .filter((file) => /\bnationalCalendar\b/.test(code(file)));
    expect(violations).toEqual([]);
    expect(/\bnationalCalendar\b/.test(code('server/services/calendar.ts'))).toBe(true);
  });

  test('SQL lives in db/ (in any letter case)', () => {
    const violations = ['server', 'web', 'scripts'].flatMap(sourceFiles).filter((file) => SQL_PATTERN.test(read(file)));
    expect(violations).toEqual([]);
  });

  test('the rules see the source tree and catch what they describe (a guard against checking nothing)', () => {
    expect(sourceFiles('db').length).toBeGreaterThan(5);
    expect(sourceFiles('server/domain').length).toBeGreaterThan(5);
    expect(importsOf('db/client.ts').some(({ specifier }) => specifier === './schema/index.js')).toBe(true);
    expect(SQL_PATTERN.test('const q = `select id, name from users`')).toBe(true);
    expect(SQL_PATTERN.test('sql`DELETE FROM clues`')).toBe(true);
    expect(SQL_PATTERN.test('Select a district from the list')).toBe(false);
  });
});
