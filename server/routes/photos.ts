import { MAX_PHOTO_BYTES, photoRoute, photoThumbnailRoute, photoUploadRoute } from '../contract/field.js';
import { readLimitedBody } from '../http/limited-body.js';
import { createRouter } from '../http/router.js';
import type { Deps } from '../services/deps.js';
import { photoFile, uploadPhoto } from '../services/photos.js';

/** A photo's name is the hash of its bytes, so what a URL answers never changes; private: it is evidence. */
const IMMUTABLE = 'private, max-age=31536000, immutable';

export function photosRouter(deps: Deps) {
  return createRouter()
    .openapi(photoUploadRoute, async (c) => {
      const { photo, created } = await uploadPhoto(deps, c.get('user'), {
        contentType: c.req.header('content-type') ?? null,
        readBody: () => readLimitedBody(c.req.raw, MAX_PHOTO_BYTES),
      });
      c.header('Location', `/api/field/photos/${photo.sha256}`);
      return created ? c.json(photo, 201) : c.json(photo, 200);
    })
    .openapi(photoRoute, async (c) => {
      const { bytes, mediaType } = await photoFile(deps, c.get('user'), c.req.valid('param').sha256, 'photo');
      return c.body(new Uint8Array(bytes), 200, { 'Content-Type': mediaType, 'Cache-Control': IMMUTABLE });
    })
    .openapi(photoThumbnailRoute, async (c) => {
      const { bytes, mediaType } = await photoFile(deps, c.get('user'), c.req.valid('param').sha256, 'thumbnail');
      return c.body(new Uint8Array(bytes), 200, { 'Content-Type': mediaType, 'Cache-Control': IMMUTABLE });
    });
}
