import { describe, expect, test } from 'vitest';
import { suggestListStatus } from '../../../server/domain/list-status.js';
import { mayOperate, operatesWithoutLicence } from '../../../server/domain/institution.js';

const asOf = '2026-11-01';

describe('institution status', () => {
  test('only licensed and registered providers may operate', () => {
    expect((['licensed', 'registered', 'unlicensed', 'suspended', 'revoked'] as const).map(mayOperate)).toEqual([true, true, false, false, false]);
    expect(operatesWithoutLicence('suspended')).toBe(true);
  });
});

describe('黑白名单 list status rules', () => {
  test('a revoked licence (取缔) is the black list', () => {
    expect(suggestListStatus({ status: 'revoked', violationDates: [], lastInspectedOn: null }, asOf).status).toBe('black');
  });

  test('three violations in three years put a licensed provider on the black list; older ones do not count', () => {
    const recent = ['2024-01-10', '2025-03-01', '2026-10-01'];
    expect(suggestListStatus({ status: 'licensed', violationDates: recent, lastInspectedOn: '2026-10-01' }, asOf)).toMatchObject({ status: 'black' });
    const old = ['2023-10-01', '2025-03-01', '2026-10-01'];
    expect(suggestListStatus({ status: 'licensed', violationDates: old, lastInspectedOn: '2026-10-01' }, asOf).status).toBe('none');
  });

  test('two violations are enough for an operator without licence', () => {
    const two = ['2025-03-01', '2026-10-01'];
    expect(suggestListStatus({ status: 'unlicensed', violationDates: two, lastInspectedOn: null }, asOf).status).toBe('black');
    expect(suggestListStatus({ status: 'licensed', violationDates: two, lastInspectedOn: '2026-10-01' }, asOf).status).toBe('none');
  });

  test('the white list needs a licence, a clean record and an inspection within a year', () => {
    const clean = { status: 'licensed' as const, violationDates: [], lastInspectedOn: '2026-01-15' };
    const white = suggestListStatus(clean, asOf);
    expect(white.status).toBe('white');
    expect(white.reasons[0]).toMatch(/无违规/);
    expect(suggestListStatus({ ...clean, lastInspectedOn: '2025-10-01' }, asOf).status).toBe('none');
    expect(suggestListStatus({ ...clean, lastInspectedOn: null }, asOf).status).toBe('none');
    expect(suggestListStatus({ ...clean, violationDates: ['2024-01-01'] }, asOf).status).toBe('none');
    expect(suggestListStatus({ ...clean, status: 'suspended' }, asOf).status).toBe('none');
  });
});
