import type { Scope } from '../../db/queries/queryable.js';
import type { UserRow } from '../../db/queries/users.js';
import { forbidden } from './api-error.js';

export const scopeOf = (user: UserRow): Scope => ({ districtCode: user.districtCode });

/**
 * The district a request may ask for explicitly: a scoped user asking for another district is refused
 * (the SQL scope would return nothing anyway, but a 403 tells the client why).
 */
export function allowedDistrict(user: UserRow, requested: string | undefined): string | undefined {
  if (requested !== undefined && user.districtCode !== null && requested !== user.districtCode)
    throw forbidden(`this account sees district ${user.districtCode} only, not ${requested}`);
  return requested;
}

export const canWrite = (user: UserRow): boolean => user.role !== 'wall';

export function requireWriter(user: UserRow): void {
  if (!canWrite(user)) throw forbidden(`the ${user.role} account is read-only`);
}

export function requireAdmin(user: UserRow): void {
  if (user.role !== 'admin') throw forbidden('only an administrator may read the audit log');
}
