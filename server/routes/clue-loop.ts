import {
  bulkDispatchRoute,
  clueDuplicatesRoute,
  clueImportRoute,
  clueMetricsRoute,
  cluePhotoRoute,
  cluePhotoThumbnailRoute,
  createClueWithPhotosRoute,
  clueQueueRoute,
  clueStepRoutes,
  clueTimelineRoute,
  getMatrixRoute,
  MAX_CLUE_IMPORT_BYTES,
  putMatrixRoute,
} from '../contract/clue-loop.js';
import type { Context } from 'hono';
import { readLimitedBody } from '../http/limited-body.js';
import { createRouter } from '../http/router.js';
import { clueDuplicates, clueLoopMetrics, clueQueuePage, clueTimeline } from '../services/clue-desk.js';
import { importPlatformClues } from '../services/clue-import.js';
import { cluePhotoFile, intakeClueWithPhotos } from '../services/clue-photos.js';
import { clueStep, dispatchClues } from '../services/clue-loop.js';
import type { Deps } from '../services/deps.js';
import { responsibilityMatrix, updateResponsibilityMatrix } from '../services/responsibility-matrix.js';

// The clue desk (docs/clues.md#api-steps). Mounted before the clues router, so /clues/queue, /clues/metrics,
// /clues/import, /clues/dispatch and /clues/with-photos are not read as a clue id.

/**
 * A clue's photo is evidence read at a shared desk: the browser asks again each time (the hash of its bytes is its
 * ETag, so that costs a 304), and a signed-out or re-scoped account gets no copy from the cache.
 */
const REVALIDATE = 'private, no-cache';

/** The photo, or 304 when the browser holds it already (asked only after the clue was read in the user's scope). */
function photoAnswer(c: Context, etag: string, bytes: Buffer) {
  const headers = { 'Content-Type': 'image/jpeg', 'Cache-Control': REVALIDATE, ETag: etag };
  if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
  return c.body(new Uint8Array(bytes), 200, headers);
}

export function clueLoopRouter(deps: Deps) {
  const s = clueStepRoutes;
  const param = (c: { req: { valid(t: 'param'): { id: number } } }) => c.req.valid('param').id;
  return createRouter()
    .openapi(clueQueueRoute, async (c) => c.json(await clueQueuePage(deps, c.get('user'), c.req.valid('query')), 200))
    .openapi(clueMetricsRoute, async (c) => c.json(await clueLoopMetrics(deps, c.get('user'), c.req.valid('query')), 200))
    .openapi(clueImportRoute, async (c) =>
      c.json(await importPlatformClues(deps, c.get('user'), await readLimitedBody(c.req.raw, MAX_CLUE_IMPORT_BYTES), c.req.valid('query')), 200),
    )
    .openapi(createClueWithPhotosRoute, async (c) => {
      const { photos, clue } = c.req.valid('form');
      const files = await Promise.all(photos.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
      const detail = await intakeClueWithPhotos(deps, c.get('user'), { clue }, files);
      c.header('Location', `/api/clues/${detail.id}`);
      return c.json(detail, 201);
    })
    .openapi(cluePhotoRoute, async (c) => {
      const { id, sha256 } = c.req.valid('param');
      const bytes = await cluePhotoFile(deps, c.get('user'), { id, sha256, which: 'photo' });
      return photoAnswer(c, `"${sha256}"`, bytes);
    })
    .openapi(cluePhotoThumbnailRoute, async (c) => {
      const { id, sha256 } = c.req.valid('param');
      const bytes = await cluePhotoFile(deps, c.get('user'), { id, sha256, which: 'thumbnail' });
      return photoAnswer(c, `"${sha256}-thumbnail"`, bytes);
    })
    .openapi(bulkDispatchRoute, async (c) => c.json(await dispatchClues(deps, c.get('user'), c.req.valid('json')), 200))
    .openapi(getMatrixRoute, async (c) => c.json(await responsibilityMatrix(deps, c.get('user')), 200))
    .openapi(putMatrixRoute, async (c) => c.json(await updateResponsibilityMatrix(deps, c.get('user'), c.req.valid('json')), 200))
    .openapi(clueDuplicatesRoute, async (c) => c.json(await clueDuplicates(deps, c.get('user'), param(c)), 200))
    .openapi(clueTimelineRoute, async (c) => c.json(await clueTimeline(deps, c.get('user'), param(c)), 200))
    .openapi(s.register, async (c) => c.json(await clueStep(deps, c.get('user'), param(c), 'register', c.req.valid('json')), 200))
    .openapi(s.dispatch, async (c) => c.json(await clueStep(deps, c.get('user'), param(c), 'dispatch', c.req.valid('json')), 200))
    .openapi(s.send_back, async (c) => c.json(await clueStep(deps, c.get('user'), param(c), 'send_back', c.req.valid('json')), 200))
    .openapi(s.accept, async (c) => c.json(await clueStep(deps, c.get('user'), param(c), 'accept', c.req.valid('json')), 200))
    .openapi(s.extend_request, async (c) => c.json(await clueStep(deps, c.get('user'), param(c), 'extend_request', c.req.valid('json')), 200))
    .openapi(s.extend_decide, async (c) => c.json(await clueStep(deps, c.get('user'), param(c), 'extend_decide', c.req.valid('json')), 200))
    .openapi(s.pause, async (c) => c.json(await clueStep(deps, c.get('user'), param(c), 'pause', c.req.valid('json')), 200))
    .openapi(s.resume, async (c) => c.json(await clueStep(deps, c.get('user'), param(c), 'resume', c.req.valid('json')), 200))
    .openapi(s.feedback, async (c) => c.json(await clueStep(deps, c.get('user'), param(c), 'feedback', c.req.valid('json')), 200))
    .openapi(s.verify, async (c) => c.json(await clueStep(deps, c.get('user'), param(c), 'verify', c.req.valid('json')), 200))
    .openapi(s.close, async (c) => c.json(await clueStep(deps, c.get('user'), param(c), 'close', c.req.valid('json')), 200))
    .openapi(s.reopen, async (c) => c.json(await clueStep(deps, c.get('user'), param(c), 'reopen', c.req.valid('json')), 200))
    .openapi(s.merge, async (c) => c.json(await clueStep(deps, c.get('user'), param(c), 'merge', c.req.valid('json')), 200))
    .openapi(s.reject, async (c) => c.json(await clueStep(deps, c.get('user'), param(c), 'reject', c.req.valid('json')), 200));
}
