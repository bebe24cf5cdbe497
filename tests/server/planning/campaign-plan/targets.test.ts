import { describe, expect, test } from 'vitest';
import { densestPoint, hotCellDwellMinutes, hotCells, priorityReasons, selectTargets } from '../../../../server/planning/campaign-plan/index.js';
import { cell, focus, goals, institution } from './fixtures.js';

describe('hot cell dwell (Koper curve)', () => {
  test('10 minutes in a 95 % cell; in a 99 % cell from 10 at the threshold to 15 from z = 3.29', () => {
    expect(hotCellDwellMinutes(2.4, 2)).toBe(10);
    expect(hotCellDwellMinutes(3.5, 2)).toBe(10);
    expect(hotCellDwellMinutes(2.576, 3)).toBe(10);
    expect(hotCellDwellMinutes(2.93, 3)).toBe(12);
    expect(hotCellDwellMinutes(3.29, 3)).toBe(15);
    expect(hotCellDwellMinutes(9, 3)).toBe(15);
    const minutes = [2.6, 2.8, 3, 3.2].map((z) => hotCellDwellMinutes(z, 3));
    expect([...minutes].sort((a, b) => a - b)).toEqual(minutes);
  });

  test('the patrol stands at the densest clue point, or the cell centre without clues', () => {
    const cluster: [number, number][] = [
      [121.5, 31.2],
      [121.5001, 31.2001],
      [121.5002, 31.2],
    ];
    expect(densestPoint([[121.52, 31.22], ...cluster], [0, 0])).toEqual(cluster[0]);
    expect(densestPoint([], [121.4, 31.3])).toEqual([121.4, 31.3]);
  });
});

describe('the priority list', () => {
  const hot = hotCells([cell(1, { neighbours: [2, 3] }), cell(4, { bin: 1 })], goals);

  test('each reason is named', () => {
    expect(priorityReasons(institution(1, { riskTier: 'D' }), hot)).toEqual(['tier_d']);
    expect(priorityReasons(institution(1, { riskTier: 'C' }), hot)).toEqual(['tier_c']);
    expect(priorityReasons(institution(1, { status: 'unlicensed', openClueCount: 1 }), hot)).toEqual(['unlicensed_open_clues']);
    expect(priorityReasons(institution(1, { status: 'unlicensed', openClueCount: 0 }), hot)).toEqual([]);
    expect(priorityReasons(institution(1, { listStatus: 'black' }), hot)).toEqual(['blacklisted']);
    expect(priorityReasons(institution(1, { violationCount: 2 }), hot)).toEqual(['repeat_offender']);
    expect(priorityReasons(institution(1, { violationCount: 1 }), hot)).toEqual([]);
    expect(priorityReasons(institution(1, { gridCellId: 1 }), hot)).toEqual(['in_hot_cell']);
    expect(priorityReasons(institution(1, { gridCellId: 3 }), hot)).toEqual(['next_to_hot_cell']);
    // A 90 % cell is not hot, and its neighbours are nothing.
    expect(priorityReasons(institution(1, { gridCellId: 4 }), hot)).toEqual([]);
    expect(priorityReasons(institution(1, { riskTier: 'D', listStatus: 'black', gridCellId: 1 }), hot)).toEqual(['tier_d', 'blacklisted', 'in_hot_cell']);
  });

  test('a 95 % cell is hot at 95 % confidence and not at 99 %', () => {
    const cells = [cell(1, { bin: 2, z: 2.1 }), cell(2, { bin: 3, z: 3 })];
    expect(hotCells(cells, goals).hot.map((c) => c.id)).toEqual([1, 2]);
    expect(hotCells(cells, { ...goals, hotCellConfidence: 99 }).hot.map((c) => c.id)).toEqual([2]);
  });

  test('the focus categories filter the list; the hot cells become area patrols with the visits goal, strongest first', () => {
    const institutions = [institution(1, { riskTier: 'D', category: '学科类' }), institution(2, { riskTier: 'D', category: '体育' }), institution(3)];
    const all = selectTargets({ institutions, cells: [cell(7, { z: 2.2, bin: 2 }), cell(8, { z: 3.5 })], focus, goals });
    expect(all.priority.map((t) => t.target.key)).toEqual(['institution:1', 'institution:2']);
    expect(all.hotCells.map((t) => [t.target.key, t.target.reasons, t.target.serviceMinutes, t.target.visits])).toEqual([
      ['gridCell:8', ['hot_cell_99'], 15, 2],
      ['gridCell:7', ['hot_cell_95'], 10, 2],
    ]);
    const focused = selectTargets({ institutions, cells: [], focus: { ...focus, institutionCategories: ['体育'] }, goals });
    expect(focused.priority.map((t) => t.target.key)).toEqual(['institution:2']);
    // Sports institutions need the sports bureau; the target says so.
    expect(focused.priority[0].target.departments).toEqual(['sports']);
    expect(selectTargets({ institutions, cells: [cell(8)], focus, goals: { ...goals, hotCellVisits: 0 } }).hotCells).toEqual([]);
  });
});
