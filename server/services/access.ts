// Who may do what: the district scope of every query and the role checks of every write. Services call these; the
// SQL scope (db/queries) holds whatever a service asks, so a scoped user never receives another district's rows.
import type { Scope } from '../../db/queries/queryable.js';
import type { UserRow } from '../../db/queries/users.js';
import { forbidden } from './errors.js';

export const scopeOf = (user: UserRow): Scope => ({ districtCode: user.districtCode });

/**
 * The district a request may ask for explicitly: a scoped user asking for another district is refused
 * (the SQL scope would return nothing anyway, but a 403 tells the client why, in words and in `details` for a client to
 * say it in its own language).
 */
export function allowedDistrict(user: UserRow, requested: string | undefined): string | undefined {
  if (requested !== undefined && user.districtCode !== null && requested !== user.districtCode)
    throw forbidden(`this account sees district ${user.districtCode} only, not ${requested}`, {
      allowedDistrict: user.districtCode,
      requestedDistrict: requested,
    });
  return requested;
}

/** A user's scope narrowed to the district it asks for (refused when outside its own). */
export function scopedTo(user: UserRow, district: string | undefined): { scope: Scope; district: string | undefined } {
  return { scope: scopeOf(user), district: allowedDistrict(user, district) };
}

/**
 * The wall display only reads; a field officer (执法队员) writes only what the phone page sends (arrivals, check-ins,
 * co-signatures, photos: `requireFieldOfficer`), never clues, campaigns or plans.
 */
export const canWrite = (user: UserRow): boolean => user.role !== 'wall' && user.role !== 'field';

export function requireWriter(user: UserRow): void {
  if (!canWrite(user)) throw forbidden(`the ${user.role} account is read-only`);
}

/** Solving changes nothing, so every role may plan except the read-only wall display. */
export function requirePlanner(user: UserRow): void {
  if (user.role === 'wall' || user.role === 'field') throw forbidden(`the ${user.role} account cannot plan routes`);
}

/** The phone page's writes: an account of the field role linked to an officer of the registry. */
export function requireFieldOfficer(user: UserRow): { officerId: number; districtCode: string } {
  if (user.role !== 'field' || user.officerId === null || user.districtCode === null)
    throw forbidden('only a field officer’s account (执法队员) records arrivals, check-ins and co-signatures');
  return { officerId: user.officerId, districtCode: user.districtCode };
}

/**
 * Administrators alone read the audit log and check its chain, and keep the calendar's configuration; the web shows
 * them the way in (`Me.canReadAudit`, `Me.canEditCalendar`).
 */
export const isAdmin = (user: UserRow): boolean => user.role === 'admin';

export function requireAdmin(user: UserRow, what: string): void {
  if (!isAdmin(user)) throw forbidden(`only an administrator may ${what}`);
}
