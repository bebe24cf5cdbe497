import { describe, expect, test } from 'vitest';
import { checkInClueDescription, checkInCluePoint, clueSourceOfTarget, findsProblem, suspectedTypeOfCheckIn } from '../../../server/domain/check-in-clue.js';
import type { Finding } from '../../../server/domain/check-in.js';
import { checkInResults } from '../../../server/domain/vocabulary.js';

const allOk: Finding[] = [
  { item: 'safety', finding: 'ok' },
  { item: 'platform', finding: 'ok' },
  { item: 'unlicensed', finding: 'na' },
];

describe('findsProblem: what the clue loop follows up', () => {
  test('责令整改, 立案查处 and 取缔 are problems; compliant, closed and no entry are not', () => {
    const problems = checkInResults.filter((result) => findsProblem({ result, findings: allOk }));
    expect(problems).toEqual(['rectify', 'case', 'banned']);
  });

  test('a violation item at issue is a problem even with a compliant result; a management item is not', () => {
    expect(findsProblem({ result: 'compliant', findings: [{ item: 'advertising', finding: 'issue' }] })).toBe(true);
    expect(findsProblem({ result: 'compliant', findings: [{ item: 'platform', finding: 'issue' }, { item: 'rules', finding: 'issue' }] })).toBe(false);
    expect(findsProblem({ result: 'not_open', findings: [{ item: 'safety', finding: 'na' }] })).toBe(false);
  });
});

describe('the clue of a finding', () => {
  test('an institution’s check is 专项检查 (campaign), a grid cell’s area patrol is 网格巡查 (grid_patrol)', () => {
    expect(clueSourceOfTarget('institution')).toBe('campaign');
    expect(clueSourceOfTarget('gridCell')).toBe('grid_patrol');
  });

  test('unlicensed when 无证办学 is at issue or a case or ban hit an unlicensed institution; else other', () => {
    expect(suspectedTypeOfCheckIn({ result: 'rectify', findings: [{ item: 'unlicensed', finding: 'issue' }], institutionStatus: 'licensed' })).toBe('unlicensed');
    expect(suspectedTypeOfCheckIn({ result: 'banned', findings: allOk, institutionStatus: 'unlicensed' })).toBe('unlicensed');
    expect(suspectedTypeOfCheckIn({ result: 'case', findings: allOk, institutionStatus: 'licensed' })).toBe('other');
    expect(suspectedTypeOfCheckIn({ result: 'case', findings: allOk, institutionStatus: null })).toBe('other');
  });

  test('placed at the device’s position when it was at the target, else at the target', () => {
    const target: [number, number] = [121.4, 31.25];
    const device: [number, number] = [121.4001, 31.2502];
    expect(checkInCluePoint({ position: device, farFromTarget: false, target })).toEqual(device);
    expect(checkInCluePoint({ position: device, farFromTarget: true, target })).toEqual(target);
    expect(checkInCluePoint({ position: null, farFromTarget: true, target })).toEqual(target);
  });

  test('the text names the campaign, the check-in, the result, the items at issue and the notes', () => {
    const text = checkInClueDescription({
      campaignName: '寒假专项',
      checkInId: 42,
      result: 'rectify',
      findings: [{ item: 'safety', finding: 'issue' }, { item: 'advertising', finding: 'issue' }, { item: 'platform', finding: 'ok' }],
      notes: ' 消防通道堵塞 ',
    });
    expect(text).toBe('专项行动「寒假专项」检查记录 42：责令整改；问题项：安全管理、违法广告；记录：消防通道堵塞');
    expect(checkInClueDescription({ campaignName: '寒假专项', checkInId: 7, result: 'case', findings: [], notes: '' })).toBe('专项行动「寒假专项」检查记录 7：立案查处');
  });
});
