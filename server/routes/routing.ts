import { streamSSE } from 'hono/streaming';
import {
  cancelRoutingJobRoute,
  createRoutingJobRoute,
  getRoutingJobRoute,
  optimizeRoute,
  patrolOptionsRoute,
  patrolPlanJobRoute,
  patrolPlanRoute,
  routingJobEventsRoute,
} from '../contract/routing.js';
import { createRouter } from '../http/router.js';
import type { Deps } from '../services/deps.js';
import { patrolOptions, planPatrol } from '../services/patrol.js';
import { cancelRoutingJob, followRoutingJob, optimize, routingJob, startPatrolPlanJob, startSolveJob } from '../services/routing.js';

export function routingRouter(deps: Deps) {
  return createRouter()
    .openapi(optimizeRoute, async (c) => c.json(await optimize(deps, c.get('user'), c.req.valid('json'), c.req.valid('query')), 200))
    .openapi(createRoutingJobRoute, (c) => c.json(startSolveJob(deps, c.get('user'), c.req.valid('json'), c.req.valid('query')), 202))
    .openapi(getRoutingJobRoute, (c) => c.json(routingJob(deps, c.get('user'), c.req.valid('param').id), 200))
    .openapi(cancelRoutingJobRoute, (c) => c.json(cancelRoutingJob(deps, c.get('user'), c.req.valid('param').id), 200))
    .openapi(routingJobEventsRoute, (c) => {
      const user = c.get('user');
      const { id } = c.req.valid('param');
      routingJob(deps, user, id); // 404 before the stream opens
      return streamSSE(c, (stream) => {
        const aborted = new Promise<void>((resolve) => stream.onAbort(resolve));
        return followRoutingJob(deps, user, id, (event, job) => stream.writeSSE({ event, data: JSON.stringify(job) }), aborted);
      });
    })
    .openapi(patrolOptionsRoute, async (c) => c.json(await patrolOptions(deps, c.get('user'), c.req.valid('query')), 200))
    .openapi(patrolPlanRoute, async (c) => c.json(await planPatrol(deps, c.get('user'), c.req.valid('json')), 200))
    .openapi(patrolPlanJobRoute, (c) => c.json(startPatrolPlanJob(deps, c.get('user'), c.req.valid('json')), 202));
}
