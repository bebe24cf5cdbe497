import { describe, expect, test } from 'vitest';
import { DEPARTMENTS } from '../../../db/seed/generate/departments.js';
import { DEFAULT_RESPONSIBILITY_MATRIX, dispatchByMatrix, matrixChanges, matrixProblems, type MatrixRule } from '../../../server/domain/responsibility-matrix.js';
import { institutionCategories, suspectedTypes } from '../../../server/domain/vocabulary.js';

const departmentCodes = new Set(DEPARTMENTS.map((d) => d.code));

describe('the default responsibility matrix', () => {
  test('names only departments that exist and has a fallback', () => {
    expect(matrixProblems(DEFAULT_RESPONSIBILITY_MATRIX, departmentCodes)).toEqual([]);
  });

  test('every type and category has a lead, never among its co-departments, with the rule as the reason', () => {
    for (const suspectedType of suspectedTypes)
      for (const institutionCategory of [...institutionCategories, null]) {
        const d = dispatchByMatrix(DEFAULT_RESPONSIBILITY_MATRIX, { suspectedType, institutionCategory });
        expect(departmentCodes.has(d.lead)).toBe(true);
        expect(d.co).not.toContain(d.lead);
        expect(new Set(d.co).size).toBe(d.co.length);
        expect(d.reason.length).toBeGreaterThan(5);
        expect(DEFAULT_RESPONSIBILITY_MATRIX.some((r) => r.id === d.ruleId)).toBe(true);
      }
  });

  test('as the Putuo document assigns: flats to urban management, fees to market regulation, arts to culture', () => {
    expect(dispatchByMatrix(DEFAULT_RESPONSIBILITY_MATRIX, { suspectedType: 'residential_flat', institutionCategory: null })).toMatchObject({ lead: 'urban_management', co: ['education', 'housing'], whistle: true });
    expect(dispatchByMatrix(DEFAULT_RESPONSIBILITY_MATRIX, { suspectedType: 'overcharging', institutionCategory: '学科类' })).toMatchObject({ lead: 'market_regulation', ruleId: 'overcharging', whistle: true });
    expect(dispatchByMatrix(DEFAULT_RESPONSIBILITY_MATRIX, { suspectedType: 'unlicensed', institutionCategory: '文化艺术' })).toMatchObject({ lead: 'culture_tourism', co: ['market_regulation'], whistle: false });
    expect(dispatchByMatrix(DEFAULT_RESPONSIBILITY_MATRIX, { suspectedType: 'unlicensed', institutionCategory: '学科类' })).toMatchObject({ lead: 'education', ruleId: 'unlicensed' });
    expect(dispatchByMatrix(DEFAULT_RESPONSIBILITY_MATRIX, { suspectedType: 'other', institutionCategory: null })).toMatchObject({ lead: 'education', co: [], ruleId: 'fallback', whistle: false });
  });

  test('a sports institution teaching academic subjects brings the sports bureau in beside education', () => {
    const d = dispatchByMatrix(DEFAULT_RESPONSIBILITY_MATRIX, { suspectedType: 'academic_in_nonacademic', institutionCategory: '体育' });
    expect(d).toMatchObject({ lead: 'education', co: ['market_regulation', 'sports'], whistle: true });
    expect(dispatchByMatrix(DEFAULT_RESPONSIBILITY_MATRIX, { suspectedType: 'academic_in_nonacademic', institutionCategory: null }).co).toEqual(['market_regulation']);
  });
});

describe('an edited matrix', () => {
  test('the first matching rule wins: a rule put first changes the dispatch', () => {
    const edited: MatrixRule[] = [{ id: 'flats-by-housing', suspectedTypes: ['residential_flat'], lead: 'housing', co: [], reason: '测试' }, ...DEFAULT_RESPONSIBILITY_MATRIX];
    expect(dispatchByMatrix(edited, { suspectedType: 'residential_flat', institutionCategory: null })).toMatchObject({ lead: 'housing', ruleId: 'flats-by-housing' });
  });

  test('its problems are named: unknown departments, the lead as its own helper, twice the same id, no fallback', () => {
    const bad: MatrixRule[] = [
      { id: 'a', suspectedTypes: ['online'], lead: 'police', co: ['education'], reason: 'x' },
      { id: 'a', suspectedTypes: ['daycare'], lead: 'health', co: ['health'], reason: 'x' },
    ];
    const problems = matrixProblems(bad, departmentCodes).map((p) => `${p.path}: ${p.message}`);
    expect(problems).toEqual([
      'rules.0: unknown department police',
      'rules.1.id: rule id a appears twice',
      'rules.1.co: the lead health is also among the co-departments',
      'rules: the matrix needs a fallback rule (no types, no categories) so that every clue has a lead',
    ]);
    expect(() => dispatchByMatrix(bad, { suspectedType: 'other', institutionCategory: null })).toThrow(/fallback/);
  });
});

describe('matrixChanges', () => {
  const base = DEFAULT_RESPONSIBILITY_MATRIX;
  test('the same matrix changes nothing', () => {
    expect(matrixChanges(base, base.map((r) => ({ ...r, co: [...r.co] })))).toEqual({ added: [], removed: [], changed: [], reordered: false });
  });

  test('a rule added, one removed, one edited in two fields, and the order of the others', () => {
    const [first, second, ...rest] = base.filter((r) => r.id !== 'daycare');
    const after: MatrixRule[] = [
      second,
      { ...first, lead: 'housing', reason: '改由房管部门牵头' },
      { id: 'new-rule', suspectedTypes: ['online'], lead: 'education', co: [], reason: '新规则' },
      ...rest,
    ];
    expect(matrixChanges(base, after)).toEqual({
      added: ['new-rule'],
      removed: ['daycare'],
      changed: [{ id: first.id, fields: ['lead', 'reason'] }],
      reordered: true,
    });
  });

  test('a condition dropped is a change of that condition, the order kept is no reordering', () => {
    const after = base.map((r) => (r.id === 'online' ? { ...r, suspectedTypes: undefined } : r));
    expect(matrixChanges(base, after)).toEqual({ added: [], removed: [], changed: [{ id: 'online', fields: ['suspectedTypes'] }], reordered: false });
  });
});
