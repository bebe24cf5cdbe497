import { describe, expect, test } from 'vitest';
import { warningsOf } from '../../../../server/planning/campaign-plan/index.js';

const officer = (id: number, districtCode: string, certificateExpiresOn: string, departmentCode = 'education') => ({
  id,
  name: `officer ${id}`,
  departmentCode,
  certificateExpiresOn,
  districtCode,
  homeStreetCode: null,
  certificateNo: `沪执法${id}`,
});

describe('the plan-wide warnings', () => {
  test('name districts, goals and reasons in words in both languages, never as codes', () => {
    const warnings = warningsOf({
      districts: ['310101', '310106', '310107'],
      officers: [officer(1, '310106', '2026-12-31'), officer(2, '310107', '2028-01-01', 'market_regulation')],
      firstDate: '2027-01-23',
      lastDate: '2027-01-31',
      goals: [
        { goal: 'coverTierA', target: 21, planned: 9, met: false },
        { goal: 'hotCellVisits', target: 4, planned: 4, met: true },
      ],
      unassigned: [
        { targetKey: 'institution:1', districtCode: '310101', shiftId: null, reason: 'no_shift', message: '' },
        { targetKey: 'institution:2', districtCode: '310101', shiftId: '2027-01-23#1', reason: 'no_team', message: '' },
        { targetKey: 'institution:3', districtCode: '310101', shiftId: '2027-01-23#1', reason: 'no_team', message: '' },
      ],
      hotCellCount: 3,
    });
    expect(warnings).toEqual([
      '黄浦区名录库中无执法人员，无法组队 / no officer registered in Huangpu: no team can be formed',
      '静安区的 1 名执法人员执法证均已过期 / all 1 officers of Jing\'an have expired certificates',
      '普陀区无持证有效的教育部门人员牵头 / no certified education officer in Putuo to lead a team',
      '目标未达成：高风险（D级）机构全覆盖，计划 9，目标 21 / goal not met: every high-risk (tier D) institution inspected, planned 9 of 21',
      '3 处检查未排入路线（无可用班次 1，无法组队 2） / 3 visit(s) unassigned (no shift left 1, no joint team 2)',
    ]);
  });
});
