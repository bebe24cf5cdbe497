import { createRoute, z } from '@hono/zod-openapi';
import { publicRoute } from './route-config.js';

export const healthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    engine: z.enum(['pglite', 'postgres']),
    version: z.string(),
    db: z.object({ ok: z.boolean(), message: z.string().optional() }),
  })
  .openapi('Health');
export type Health = z.infer<typeof healthSchema>;

export const healthRoute = createRoute(
  publicRoute({
    method: 'get',
    path: '/health',
    tags: ['system'],
    summary: 'Liveness and database check',
    responses: { 200: { description: 'server and database state', content: { 'application/json': { schema: healthSchema } } } },
  }),
);
