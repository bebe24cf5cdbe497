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
    return /\.(ts|tsx)$/.test(name) ? [relative(root, path)] : [];
  });
}

interface ImportLine {
  specifier: string;
  typeOnly: boolean;
}

function importsOf(file: string): ImportLine[] {
  const text = readFileSync(join(root, file), 'utf8');
  const pattern = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;
  return [...text.matchAll(pattern)].map((match) => ({ specifier: match[3] ?? match[4], typeOnly: Boolean(match[2]) }));
}

/** Resolves a relative specifier to a top-level path like `server/routes/x`; packages stay as they are. */
function target(file: string, specifier: string): string {
  return specifier.startsWith('.') ? relative(root, resolve(root, dirname(file), specifier)) : specifier;
}

const pureFolders = ['server/contract', 'server/analytics', 'server/planning', 'server/routing'];
// The worker-thread wrapper is the one file of a pure folder that touches the platform, by design.
const platformEntries = new Set(['server/routing/worker.ts']);
const forbiddenInPure = [
  /^node:/,
  /^(fs|path|child_process|worker_threads|http|net|crypto|os)$/,
  /^pg$/,
  /^@electric-sql\//,
  /^drizzle-orm/,
  /^@hono\/node-server/,
  /^db\//,
  /^server\/(routes|middleware|auth|app|main)/,
];

describe('architecture rules', () => {
  test('pure modules import no database, server, platform, environment or clock', () => {
    const violations: string[] = [];
    for (const folder of pureFolders) {
      for (const file of sourceFiles(folder)) {
        if (platformEntries.has(file)) continue;
        for (const { specifier } of importsOf(file)) {
          if (forbiddenInPure.some((rule) => rule.test(target(file, specifier)))) violations.push(`${file} imports ${specifier}`);
        }
        const text = readFileSync(join(root, file), 'utf8');
        if (/process\.env/.test(text)) violations.push(`${file} reads process.env`);
        if (/Date\.now\(\)|new Date\(\)/.test(text)) violations.push(`${file} reads the clock`);
      }
    }
    expect(violations).toEqual([]);
  });

  test('db/ never imports server/ or web/', () => {
    const violations = sourceFiles('db').flatMap((file) =>
      importsOf(file)
        .filter(({ specifier }) => /^(server|web)\//.test(target(file, specifier)))
        .map(({ specifier }) => `${file} imports ${specifier}`),
    );
    expect(violations).toEqual([]);
  });

  test('web/ imports only the pure server modules, and the app only as a type', () => {
    const violations: string[] = [];
    for (const file of sourceFiles('web')) {
      for (const { specifier, typeOnly } of importsOf(file)) {
        const to = target(file, specifier);
        if (to.startsWith('db/')) violations.push(`${file} imports ${specifier}`);
        if (to.startsWith('server/') && !/^server\/(contract|analytics|routing\/problem)(\/|$)/.test(to) && !typeOnly) {
          violations.push(`${file} imports ${specifier} at run time`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  test('only web/api fetches', () => {
    const violations = sourceFiles('web')
      .filter((file) => !file.startsWith('web/api/'))
      .filter((file) => /\bfetch\(|XMLHttpRequest|new EventSource\(/.test(readFileSync(join(root, file), 'utf8')));
    expect(violations).toEqual([]);
  });

  test('SQL lives in db/', () => {
    const sqlPattern = /\b(SELECT\s+[\w*(]|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)/;
    const violations = [...sourceFiles('server'), ...sourceFiles('web'), ...sourceFiles('scripts')].filter((file) =>
      sqlPattern.test(readFileSync(join(root, file), 'utf8')),
    );
    expect(violations).toEqual([]);
  });

  test('the rules see the source tree (a guard against checking nothing)', () => {
    expect(sourceFiles('db').length).toBeGreaterThan(5);
    expect(importsOf('db/client.ts').some(({ specifier }) => specifier === './schema/index.js')).toBe(true);
  });
});
