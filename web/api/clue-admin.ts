// The clue desk's administration (工单台): the responsibility matrix with its versions, and the national platform's
// complaints import. Answers are checked against the clue loop's contract, as the desk's other requests are.
import {
  clueImportReportSchema,
  responsibilityMatrixSchema,
  type ClueImportReport,
  type MatrixUpdate,
  type ResponsibilityMatrix,
} from '../../server/contract/clue-loop.js';
import { checked } from './checked.js';
import { readJson } from './transport.js';
import { useResource } from './use-resource.js';

const MATRIX_PATH = '/api/responsibility-matrix';

export const responsibilityMatrix = (signal?: AbortSignal) =>
  checked(responsibilityMatrixSchema, readJson<unknown>(fetch(MATRIX_PATH, { credentials: 'same-origin', signal })));

/** Stores the next version against the one edited: 409 when another was stored meanwhile, 400 naming each problem. */
export const saveResponsibilityMatrix = (update: MatrixUpdate) =>
  checked(
    responsibilityMatrixSchema,
    readJson<unknown>(fetch(MATRIX_PATH, { method: 'PUT', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(update) })),
  );

/** `revision` asks again after a save. */
export const useResponsibilityMatrix = (revision: number) => useResource<ResponsibilityMatrix>(`desk-matrix:${revision}`, (signal) => responsibilityMatrix(signal));

/** The platform's CSV as the raw body: the dry run's report, or with `commit` the stored rows (422 with any problem). */
export const importPlatformCsv = (bytes: ArrayBuffer, query: Record<string, string>, signal?: AbortSignal): Promise<ClueImportReport> =>
  checked(
    clueImportReportSchema,
    readJson<unknown>(
      fetch(`/api/clues/import${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ''}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'text/csv' },
        body: bytes,
        signal,
      }),
    ),
  );
