import { useCallback, useMemo, useState } from 'react';
import type { ClueImportReport } from '../../server/contract/clue-loop.js';
import type { PlatformField } from '../../server/domain/platform-csv.js';
import { importPlatformCsv } from '../api/clue-admin.js';
import { ApiError } from '../api/errors.js';
import { useResource } from '../api/use-resource.js';
import { canCommit, importQuery, type FieldMapping, type ImportEncoding } from '../state/platform-import.js';

// The platform import's one place that asks the server: every change of the file, the encoding or the mapping is a new
// dry run of the whole file, so "import all" is offered for exactly what was checked; the commit sends the same.

export interface ChosenFile {
  name: string;
  size: number;
  bytes: ArrayBuffer;
}

const asApiError = (error: unknown) => (error instanceof ApiError ? error : new ApiError(error instanceof Error ? error.message : String(error), 0, 'network'));

let fileSeq = 0;

export function usePlatformImport() {
  const [file, setFile] = useState<(ChosenFile & { seq: number }) | null>(null);
  const [encoding, setEncodingState] = useState<ImportEncoding>('auto');
  const [byHand, setByHand] = useState<FieldMapping>({});
  // The problems a refused commit named (a row imported meanwhile), over the dry run's until anything changes.
  const [refused, setRefused] = useState<ClueImportReport['problems'] | null>(null);
  const [committing, setCommitting] = useState(false);
  const [result, setResult] = useState<ClueImportReport | null>(null);
  const [commitError, setCommitError] = useState<ApiError | null>(null);
  const [readError, setReadError] = useState<ApiError | null>(null);
  const [reading, setReading] = useState(false);

  const query = importQuery({ encoding, mapping: byHand, commit: false });
  const dryRunKey = file && !result ? `platform-import:${file.seq}:${JSON.stringify(query)}` : null;
  const dryRun = useResource<ClueImportReport>(dryRunKey, (signal) => importPlatformCsv(file!.bytes, query, signal));
  const report = useMemo(() => (dryRun.data && refused ? { ...dryRun.data, problems: refused } : dryRun.data), [dryRun.data, refused]);

  const changed = () => {
    setRefused(null);
    setCommitError(null);
  };

  const choose = useCallback(async (chosen: File) => {
    setReading(true);
    setResult(null);
    setByHand({});
    setEncodingState('auto');
    setRefused(null);
    setCommitError(null);
    setReadError(null);
    try {
      fileSeq += 1;
      setFile({ name: chosen.name, size: chosen.size, bytes: await chosen.arrayBuffer(), seq: fileSeq });
    } catch (failure) {
      setReadError(asApiError(failure));
    } finally {
      setReading(false);
    }
  }, []);

  const setEncoding = (next: ImportEncoding) => {
    changed();
    setEncodingState(next);
  };

  const mapField = (field: PlatformField, column: number | null) => {
    changed();
    setByHand((m) => {
      const next = { ...m };
      if (column === null) delete next[field];
      else next[field] = column;
      return next;
    });
  };

  const checking = dryRun.loading;
  const commit = useCallback(async () => {
    if (!file || !canCommit(report) || committing || checking) return;
    setCommitting(true);
    setCommitError(null);
    try {
      setResult(await importPlatformCsv(file.bytes, importQuery({ encoding, mapping: byHand, commit: true })));
    } catch (failure) {
      const apiError = asApiError(failure);
      const issues = (apiError.details as { issues?: ClueImportReport['problems'] } | undefined)?.issues;
      if (Array.isArray(issues)) setRefused(issues);
      setCommitError(apiError);
    } finally {
      setCommitting(false);
    }
  }, [byHand, checking, committing, encoding, file, report]);

  const reset = useCallback(() => {
    setFile(null);
    setResult(null);
    setRefused(null);
    setCommitError(null);
    setByHand({});
    setEncodingState('auto');
  }, []);

  return {
    file,
    choose,
    reading,
    encoding,
    setEncoding,
    byHand,
    mapField,
    report: file ? report : null,
    checking,
    canCommit: canCommit(report) && !checking,
    commit,
    committing,
    result,
    error: readError ?? commitError ?? dryRun.error,
    retry: dryRun.retry,
    reset,
  };
}

export type PlatformImportModel = ReturnType<typeof usePlatformImport>;
