import { createClueRoute, getClueRoute } from '../contract/clue-loop.js';
import { clueCollectionSchema, listCluesRoute, patchClueRoute } from '../contract/clues.js';
import { createRouter } from '../http/router.js';
import { getClueLoop, intakeClue } from '../services/clue-loop.js';
import { changeClueStatus, listClues } from '../services/clues.js';
import type { Deps } from '../services/deps.js';
import { cachedJson } from './cached-json.js';

export function cluesRouter(deps: Deps) {
  return createRouter()
    .openapi(listCluesRoute, async (c) => cachedJson(c, deps, clueCollectionSchema, 'clues', c.req.valid('query'), (user, query) => listClues(deps, user, query)))
    .openapi(getClueRoute, async (c) => c.json(await getClueLoop(deps, c.get('user'), c.req.valid('param').id), 200))
    .openapi(patchClueRoute, async (c) => c.json(await changeClueStatus(deps, c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(createClueRoute, async (c) => {
      const detail = await intakeClue(deps, c.get('user'), c.req.valid('json'));
      c.header('Location', `/api/clues/${detail.id}`);
      return c.json(detail, 201);
    });
}
