import { institutionStatuses, listStatuses } from '../contract/enums.js';
import { summaryRoute, type Summary } from '../contract/summary.js';
import { summaryFigures } from '../../db/queries/summary.js';
import type { Deps } from '../middleware/env.js';
import { allowedDistrict, scopeOf } from '../middleware/scope.js';
import { createRouter } from './router.js';

const ratio = (numerator: number, denominator: number): number | null => (denominator === 0 ? null : numerator / denominator);

function zeroFilled<K extends string>(keys: readonly K[], counts: Record<string, number>): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, Number(counts[k] ?? 0)])) as Record<K, number>;
}

export function summaryRouter(deps: Deps) {
  return createRouter().openapi(summaryRoute, async (c) => {
    const user = c.get('user');
    const { from, to, district } = c.req.valid('query');
    const now = deps.now();
    const previousFrom = new Date(from.getTime() - (to.getTime() - from.getTime()));
    const districtCode = allowedDistrict(user, district);
    const f = await summaryFigures(deps.database, { scope: scopeOf(user), district: districtCode, from, to, previousFrom, now });
    const summary: Summary = {
      from: from.toISOString(),
      to: to.toISOString(),
      previousFrom: previousFrom.toISOString(),
      districtCode: districtCode ?? user.districtCode,
      asOf: now.toISOString(),
      institutions: {
        total: f.institutions.total,
        byStatus: zeroFilled(institutionStatuses, f.institutions.byStatus),
        byList: zeroFilled(listStatuses, f.institutions.byList),
      },
      clues: {
        ...f.clues,
        changeRatio: ratio(f.clues.inRange - f.clues.previousRange, f.clues.previousRange),
        closureRate: ratio(f.clues.closedInRange, f.clues.inRange),
      },
      officers: f.officers,
    };
    return c.json(summary, 200);
  });
}
