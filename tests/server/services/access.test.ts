import { describe, expect, test } from 'vitest';
import { allowedDistrict, canWrite, requireAdmin, requireFieldOfficer, requirePlanner, requireWriter, scopeOf } from '../../../server/services/access.js';
import type { UserRow } from '../../../db/queries/users.js';

const user = (role: UserRow['role'], districtCode: string | null): UserRow => ({
  id: 1,
  username: role,
  displayName: role,
  role,
  districtCode,
  districtName: null,
  officerId: role === 'field' ? 7 : null,
});

describe('district scope', () => {
  test('a scoped user is scoped to their district, a city-wide user to none', () => {
    expect(scopeOf(user('leader', '310107'))).toEqual({ districtCode: '310107' });
    expect(scopeOf(user('admin', null))).toEqual({ districtCode: null });
  });

  test('a scoped user may ask for their own district only', () => {
    const leader = user('leader', '310107');
    expect(allowedDistrict(leader, '310107')).toBe('310107');
    expect(allowedDistrict(leader, undefined)).toBeUndefined();
    expect(() => allowedDistrict(leader, '310106')).toThrow(/310107 only, not 310106/);
    expect(allowedDistrict(user('planner', null), '310106')).toBe('310106');
  });
});

describe('roles', () => {
  test('the wall display is read-only', () => {
    expect(canWrite(user('wall', null))).toBe(false);
    expect(() => requireWriter(user('wall', null))).toThrow(/read-only/);
    for (const role of ['admin', 'planner', 'leader'] as const) expect(() => requireWriter(user(role, null))).not.toThrow();
  });

  test('a field officer writes only through the phone page', () => {
    const officer = user('field', '310107');
    expect(canWrite(officer)).toBe(false);
    expect(() => requireWriter(officer)).toThrow(/read-only/);
    expect(() => requirePlanner(officer)).toThrow(/field account cannot plan/);
    expect(requireFieldOfficer(officer)).toEqual({ officerId: 7, districtCode: '310107' });
    for (const role of ['admin', 'planner', 'leader', 'wall'] as const) expect(() => requireFieldOfficer(user(role, '310107'))).toThrow(/field officer/);
  });

  test('only an administrator reads the audit log', () => {
    expect(() => requireAdmin(user('planner', null), 'read the audit log')).toThrow(/administrator/);
    expect(() => requireAdmin(user('admin', null), 'read the audit log')).not.toThrow();
  });
});
