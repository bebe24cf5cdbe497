import type { InstitutionStatus } from './vocabulary.js';

/**
 * May an institution with this status run training? Licensed (持证) and registered (已登记) providers may; one that
 * never had a licence (无证无照), one ordered to stop (停业整顿) and one whose licence was revoked (已吊销) may not, and
 * finding any of them operating is the enforcement priority. The one definition for the risk score, the planner and
 * the map.
 */
export function mayOperate(status: InstitutionStatus): boolean {
  return status === 'licensed' || status === 'registered';
}

/** Operating, if at all, without a valid licence: the status that makes an institution a priority target. */
export const operatesWithoutLicence = (status: InstitutionStatus): boolean => !mayOperate(status);

/** Statuses of institutions that should not be operating (无证无照, 停业整顿, 已吊销). */
export const statusesWithoutLicence = (statuses: readonly InstitutionStatus[]): InstitutionStatus[] => statuses.filter(operatesWithoutLicence);
