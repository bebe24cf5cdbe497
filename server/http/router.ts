import { OpenAPIHono, type z } from '@hono/zod-openapi';
import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import type { AppEnv } from './env.js';
import { validationHook } from '../middleware/errors.js';

/** Every router validates with the same hook, so every 400 has the same shape. */
export const createRouter = () => new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

/**
 * Sends JSON text that PostgreSQL already built (GeoJSON FeatureCollections) without parsing it again,
 * typed as the contract's schema for the client.
 */
export function jsonText<S extends z.ZodType>(c: Context, _schema: S, body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}) {
  return c.body(body, 200, { 'Content-Type': 'application/json; charset=UTF-8', ...headers }) as unknown as TypedResponse<
    JSONParsed<z.infer<S>>,
    200,
    'json'
  >;
}
