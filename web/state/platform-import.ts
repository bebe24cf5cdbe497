import type { ClueImportReport } from '../../server/contract/clue-loop.js';
import { platformFields, type PlatformField } from '../../server/domain/platform-csv.js';

// The national platform's import (全国监管平台投诉导入) as pure logic: the dry run's problems as a per-row report, the
// mapping as the query the server reads, and when "import all" may be offered.

export type ImportEncoding = 'auto' | 'utf-8' | 'gbk';
export type FieldMapping = Partial<Record<PlatformField, number>>;

export interface ReportLine {
  /** The file's line (1 = the header); null for a problem of the whole file (a column, the encoding). */
  line: number | null;
  /** A product field, or `file` / `encoding`. */
  field: string;
  message: string;
}

/** `line 4.reportedAt` → line 4, field reportedAt; `header.address` → the file's, field address. */
export function reportLines(problems: ClueImportReport['problems']): ReportLine[] {
  return problems.map((p) => {
    const row = /^line (\d+)\.(\w+)$/.exec(p.path);
    if (row) return { line: Number(row[1]), field: row[2], message: p.message };
    const header = /^header\.(\w+)$/.exec(p.path);
    return { line: null, field: header ? header[1] : p.path, message: p.message };
  });
}

/** The import's query: the encoding, the mapping by hand (only what the user set), the kind, and whether to write. */
export function importQuery(options: { encoding: ImportEncoding; mapping: FieldMapping; commit: boolean }): Record<string, string> {
  const query: Record<string, string> = {};
  if (options.encoding !== 'auto') query.encoding = options.encoding;
  const mapped = platformFields.filter((f) => options.mapping[f] !== undefined);
  if (mapped.length) query.mapping = JSON.stringify(Object.fromEntries(mapped.map((f) => [f, options.mapping[f]])));
  if (options.commit) query.commit = 'true';
  return query;
}

/** "Import all" only after a dry run of these very settings found rows and no problem. */
export const canCommit = (report: ClueImportReport | null): boolean => report !== null && !report.committed && report.problems.length === 0 && report.rowCount > 0;

/** The column shown for each field: the user's choice, else what the server found by the headers. */
export const effectiveMapping = (report: ClueImportReport | null, byHand: FieldMapping): FieldMapping => ({ ...(report?.mapping ?? {}), ...byHand });

/** A problem's words in the catalogue: the key and its parameters, or null to show the server's words as they are. */
export interface ProblemMessage {
  key: `import.problem.${string}`;
  params: Record<string, string>;
}

// The importer's messages (server/domain/platform-csv.ts, server/services/clue-import.ts) are English, for logs; the
// report says the ones it knows in the language shown and any other as written.
const PROBLEM_PATTERNS: readonly [RegExp, string, readonly string[]][] = [
  [/^empty$/, 'empty', []],
  [/^in the future$/, 'future', []],
  [/^not a time: (.*) \(/, 'time', ['value']],
  [/^not a district of Shanghai: (.*)$/, 'district', ['value']],
  [/^not a position in Shanghai: (.*)$/, 'position', ['value']],
  [/^(.*) also on line (\d+)$/, 'twice', ['value', 'line']],
  [/^(.*) was imported before$/, 'imported', ['value']],
  [/^no position/, 'noPosition', []],
  [/^the position lies in district (\S+), not in (\S+)/, 'elsewhere', ['found', 'named']],
  [/^this account imports clues of district (\S+) only, not (\S+)$/, 'scope', ['allowed', 'named']],
  [/^no column for /, 'noColumn', []],
  [/^column (\d+) does not exist: the file has (\d+) columns$/, 'beyond', ['column', 'columns']],
  [/^no complaints below the header$/, 'noRows', []],
  [/^(\d+) rows: at most (\d+) at once$/, 'tooMany', ['rows', 'max']],
  [/^longer than/, 'tooLong', []],
  [/^the file is not valid UTF-8/, 'notUtf8', []],
];

export function problemMessage(message: string): ProblemMessage | null {
  for (const [pattern, name, names] of PROBLEM_PATTERNS) {
    const m = pattern.exec(message);
    if (m) return { key: `import.problem.${name}`, params: Object.fromEntries(names.map((n, i) => [n, m[i + 1]])) };
  }
  return null;
}
