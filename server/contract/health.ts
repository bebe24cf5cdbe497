import { createRoute, z } from '@hono/zod-openapi';
import { publicRoute } from './route-config.js';

export const healthSchema = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    engine: z.enum(['pglite', 'postgres']),
    version: z.string(),
    db: z.object({ ok: z.boolean(), message: z.string().optional(), latencyMs: z.number().optional() }),
  })
  .openapi('Health');
export type Health = z.infer<typeof healthSchema>;

export const healthRoute = createRoute(
  publicRoute({
    method: 'get',
    path: '/health',
    tags: ['system'],
    summary: 'Liveness and database check: 200 when the database answers, 503 when it cannot',
    responses: {
      200: { description: 'server and database up', content: { 'application/json': { schema: healthSchema } } },
      503: { description: 'the database does not answer (the server keeps trying)', content: { 'application/json': { schema: healthSchema } } },
    },
  }),
);
