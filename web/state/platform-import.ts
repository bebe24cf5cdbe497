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
