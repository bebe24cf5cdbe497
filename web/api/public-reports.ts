// 随手拍 without a login: the report form's upload (with its progress, which fetch cannot report), the tracking page's
// read, and the borders the report page's map draws.
import { useState } from 'react';
import type { PublicClueView, PublicDistrictCollection, PublicReportReceipt } from '../../server/contract/public-reports.js';
import { client, withSignal } from './client.js';
import { ApiError, errorFromBody } from './errors.js';
import { readJson } from './transport.js';
import { useResource } from './use-resource.js';

export const REPORT_UPLOAD_PATH = '/api/public/reports';

/**
 * Sends the report form (multipart) and tells `onProgress` the share of the body sent, 0–1. Answers the receipt or
 * throws an ApiError with the server's issues, as every other call of web/api does.
 */
export function submitPublicReport(form: FormData, onProgress: (sent: number) => void): Promise<PublicReportReceipt> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', REPORT_UPLOAD_PATH);
    request.responseType = 'text';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onerror = () => reject(new ApiError('network error', 0, 'network'));
    request.onabort = () => reject(new ApiError('aborted', 0, 'aborted'));
    request.onload = () => {
      let body: unknown = null;
      try {
        body = request.responseText ? JSON.parse(request.responseText) : null;
      } catch {
        reject(new ApiError(`HTTP ${request.status}: not JSON`, request.status, 'bad_response'));
        return;
      }
      if (request.status >= 200 && request.status < 300) resolve(body as PublicReportReceipt);
      else reject(errorFromBody(request.status, body));
    };
    request.send(form);
  });
}

/** A tracked clue, or null when the code is unknown (404: a malformed code answers the same). */
export async function trackedClue(code: string, signal?: AbortSignal): Promise<PublicClueView | null> {
  try {
    return await readJson<PublicClueView>(client.api.public.track[':code'].$get({ param: { code } }, withSignal(signal)), { notifyUnauthenticated: false });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

const publicDistricts = (signal?: AbortSignal) =>
  readJson<PublicDistrictCollection>(client.api.public.districts.$get({}, withSignal(signal)), { notifyUnauthenticated: false });

let visits = 0;

/** The tracked clue, read afresh on each visit: its status moves on while the page is closed. */
export function useTrackedClue(code: string | null) {
  const [visit] = useState(() => ++visits);
  return useResource(code === null ? null : `tracked-clue:${visit}:${code}`, (signal) => trackedClue(code!, signal));
}

export const usePublicDistricts = () => useResource('public-districts', publicDistricts);
