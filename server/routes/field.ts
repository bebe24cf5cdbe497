import { arrivalRoute, checkInListRoute, checkInRoute, cosignRoute, fieldDayRoute } from '../contract/field.js';
import { createRouter } from '../http/router.js';
import type { Deps } from '../services/deps.js';
import { cosign, fieldDay, listCheckIns, recordArrival, recordCheckIn } from '../services/field.js';

// The phone page's routes (docs/field.md); the photo routes are mounted with the photo store.
export function fieldRouter(deps: Deps) {
  return createRouter()
    .openapi(fieldDayRoute, async (c) => c.json(await fieldDay(deps, c.get('user'), c.req.valid('query')), 200))
    .openapi(arrivalRoute, async (c) => {
      const { status, body } = await recordArrival(deps, c.get('user'), c.req.valid('json'));
      return status === 201 ? c.json(body, 201) : c.json(body, 200);
    })
    .openapi(checkInRoute, async (c) => {
      const { status, body } = await recordCheckIn(deps, c.get('user'), c.req.valid('json'));
      return status === 201 ? c.json(body, 201) : c.json(body, 200);
    })
    .openapi(cosignRoute, async (c) => c.json((await cosign(deps, c.get('user'), c.req.valid('param').id, c.req.valid('json'))).body, 200))
    .openapi(checkInListRoute, async (c) => c.json(await listCheckIns(deps, c.get('user'), c.req.valid('query')), 200));
}
