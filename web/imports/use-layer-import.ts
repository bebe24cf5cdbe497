import { useCallback, useState } from 'react';
import type { LayerImportReportBody } from '../../server/contract/layer-imports.js';
import type { ImportCrs, ImportLayer } from '../../server/domain/import-vocabulary.js';
import { ApiError } from '../api/errors.js';
import { importLayerFile } from '../api/layer-imports.js';
import { useResource } from '../api/use-resource.js';

// The layer import's one place that asks the server: each change of the file or an option is a new dry run of the
// whole file, so "import" writes exactly what was checked; the write sends the same file and options again.

export type EncodingChoice = 'auto' | 'utf-8' | 'gbk';
export interface LayerImportChoices {
  layer: ImportLayer;
  /** null: as the file says (.prj, GeoJSON), else WGS84. */
  crs: ImportCrs | null;
  encoding: EncodingChoice;
  /** field → column, chosen by hand over what the headers said. */
  mapping: Record<string, string>;
}

interface ChosenFile {
  name: string;
  bytes: ArrayBuffer;
  seq: number;
}

const asApiError = (error: unknown) => (error instanceof ApiError ? error : new ApiError(error instanceof Error ? error.message : String(error), 0, 'network'));
const queryOf = (file: ChosenFile, c: LayerImportChoices, dryRun: boolean) => ({
  layer: c.layer,
  fileName: file.name,
  encoding: c.encoding,
  crs: c.crs ?? undefined,
  mapping: Object.keys(c.mapping).length ? JSON.stringify(c.mapping) : undefined,
  dryRun: dryRun ? ('true' as const) : ('false' as const),
});

let fileSeq = 0;

export function useLayerImport() {
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [choices, setChoices] = useState<LayerImportChoices>({ layer: 'institutions', crs: null, encoding: 'auto', mapping: {} });
  const [reading, setReading] = useState(false);
  const [readError, setReadError] = useState<ApiError | null>(null);
  const [committing, setCommitting] = useState(false);
  const [commitError, setCommitError] = useState<ApiError | null>(null);
  /** The write's answer: committed, or refused with what changed since the dry run. */
  const [written, setWritten] = useState<LayerImportReportBody | null>(null);

  const key = file && !written ? `layer-import:${file.seq}:${JSON.stringify(choices)}` : null;
  const dryRun = useResource<LayerImportReportBody>(key, (signal) => importLayerFile(file!.bytes, queryOf(file!, choices, true), signal));

  const choose = useCallback(async (chosen: File) => {
    setReading(true);
    setReadError(null);
    setWritten(null);
    setCommitError(null);
    setChoices((c) => ({ ...c, mapping: {} }));
    try {
      fileSeq += 1;
      setFile({ name: chosen.name, bytes: await chosen.arrayBuffer(), seq: fileSeq });
    } catch (failure) {
      setReadError(asApiError(failure));
    } finally {
      setReading(false);
    }
  }, []);

  const change = (next: Partial<LayerImportChoices>) => {
    setWritten(null);
    setCommitError(null);
    // A mapping belongs to one layer's fields.
    setChoices((c) => ({ ...c, ...next, mapping: next.layer && next.layer !== c.layer ? {} : (next.mapping ?? c.mapping) }));
  };

  const report = written ?? dryRun.data;
  const canCommit = !written && !!dryRun.data && !dryRun.loading && dryRun.data.problemCount === 0 && dryRun.data.imported > 0;

  const commit = useCallback(async () => {
    if (!file || !canCommit || committing) return;
    setCommitting(true);
    setCommitError(null);
    try {
      setWritten(await importLayerFile(file.bytes, queryOf(file, choices, false)));
    } catch (failure) {
      setCommitError(asApiError(failure));
    } finally {
      setCommitting(false);
    }
  }, [canCommit, choices, committing, file]);

  const reset = useCallback(() => {
    setFile(null);
    setWritten(null);
    setCommitError(null);
    setChoices((c) => ({ ...c, mapping: {} }));
  }, []);

  return {
    file,
    choices,
    change,
    choose,
    reading,
    checking: dryRun.loading,
    committing,
    report,
    error: readError ?? commitError ?? dryRun.error,
    retry: dryRun.retry,
    canCommit,
    commit,
    reset,
  };
}
