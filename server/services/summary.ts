import { institutionStatuses, listStatuses } from '../domain/vocabulary.js';
import type { Summary } from '../contract/summary.js';
import { summaryFigures } from '../../db/queries/summary.js';
import type { UserRow } from '../../db/queries/users.js';
import { scopedTo } from './access.js';
import type { Deps } from './deps.js';

const ratio = (numerator: number, denominator: number): number | null => (denominator === 0 ? null : numerator / denominator);

function zeroFilled<K extends string>(keys: readonly K[], counts: Record<string, number>): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, counts[k] ?? 0])) as Record<K, number>;
}

/** The KPI cards: institutions by status and list, clues of the period against the period before, officers. */
export async function summary(deps: Pick<Deps, 'database' | 'now'>, user: UserRow, q: { from: Date; to: Date; district?: string }): Promise<Summary> {
  const now = deps.now();
  const previousFrom = new Date(q.from.getTime() - (q.to.getTime() - q.from.getTime()));
  const { scope, district } = scopedTo(user, q.district);
  const f = await summaryFigures(deps.database, { scope, district, from: q.from, to: q.to, previousFrom, now });
  return {
    from: q.from.toISOString(),
    to: q.to.toISOString(),
    previousFrom: previousFrom.toISOString(),
    districtCode: district ?? user.districtCode,
    asOf: now.toISOString(),
    institutions: {
      total: f.institutions.total,
      byStatus: zeroFilled(institutionStatuses, f.institutions.byStatus),
      byList: zeroFilled(listStatuses, f.institutions.byList),
    },
    clues: {
      ...f.clues,
      firstReportedAt: f.clues.firstReportedAt?.toISOString() ?? null,
      changeRatio: ratio(f.clues.inRange - f.clues.previousRange, f.clues.previousRange),
      closureRate: ratio(f.clues.closedInRange, f.clues.inRange),
    },
    officers: f.officers,
    cluesByDistrict: f.cluesByDistrict,
  };
}
