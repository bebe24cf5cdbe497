// 图层导入: a layer's file as the raw body, the options in the query; the answer is the report (checked against the
// contract), whether it was a dry run, a write or a refusal.
import { layerImportReportSchema, type LayerImportQuery, type LayerImportReportBody } from '../../server/contract/layer-imports.js';
import { checked } from './checked.js';
import { readJson } from './transport.js';

export const importLayerFile = (bytes: ArrayBuffer, query: LayerImportQuery, signal?: AbortSignal): Promise<LayerImportReportBody> => {
  const params = new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])));
  return checked(
    layerImportReportSchema,
    readJson<unknown>(
      fetch(`/api/layer-imports?${params.toString()}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/octet-stream' },
        body: bytes,
        signal,
      }),
    ),
  );
};
