import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { clueImportRoute, createClueWithPhotosRoute } from '../contract/clue-loop.js';
import { photoUploadRoute } from '../contract/field.js';
import { layerImportRoute } from '../contract/layer-imports.js';
import { MAX_REPORT_BODY_BYTES, submitPublicReportRoute } from '../contract/public-reports.js';
import { payloadTooLarge } from '../services/errors.js';

export const maxBodyBytes = 1024 * 1024;

/**
 * Requests that read their body under a limit of their own: a photo may be 10 MB (MAX_PHOTO_BYTES), ten times the
 * JSON limit, and its route enforces that while it streams (http/limited-body.ts).
 */
const ownLimit = [
  { method: 'POST', path: `/api${photoUploadRoute.path}` },
  // A platform export of 20,000 complaints (MAX_CLUE_IMPORT_BYTES).
  { method: 'POST', path: `/api${clueImportRoute.path}` },
  // A layer's file of 100,000 institutions (MAX_LAYER_IMPORT_BYTES).
  { method: 'POST', path: `/api${layerImportRoute.path}` },
];

const limitOf = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw payloadTooLarge(maxSize);
    },
  });

/** A public report (随手拍) and the desk's intake with photos are multipart forms of up to four photos: their larger limit. */
const photoFormPaths = [`/api${submitPublicReportRoute.path}`, `/api${createClueWithPhotosRoute.path}`];

/** Refuses request bodies over `maxBytes` with 413 before anything reads them (except those with a limit of their own). */
export const limitBody = (maxBytes = maxBodyBytes): MiddlewareHandler => {
  const limit = limitOf(maxBytes);
  const reportLimit = limitOf(MAX_REPORT_BODY_BYTES);
  return async (c, next) => {
    if (ownLimit.some((r) => r.method === c.req.method && r.path === c.req.path)) return next();
    return c.req.method === 'POST' && photoFormPaths.includes(c.req.path) ? reportLimit(c, next) : limit(c, next);
  };
};
