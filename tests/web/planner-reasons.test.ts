import { describe, expect, it } from 'vitest';
import { translator } from '../../web/i18n/index.js';
import { idleText, unassignedText } from '../../web/planner/reason-text.js';

const zh = translator('zh-CN');
const en = translator('en');

describe('planner reason texts', () => {
  it('names how few teams have the skill when only some have it, and none when no team has it', () => {
    const limited = { reason: 'skills', message: 'm', details: { vehicles: 3, skilled: 1, suitable: 1 } };
    expect(unassignedText(zh, limited)).toBe('仅 1/3 个检查组配备消防人员，其班次时间已排满');
    expect(unassignedText(en, limited)).toBe('only 1 of 3 teams have a fire officer, and the time in their shifts is taken');
    const none = { reason: 'skills', message: 'm', details: { vehicles: 3, skilled: 0, suitable: 0 } };
    expect(unassignedText(zh, none)).toBe('需消防检查，但没有检查组配备持证消防人员');
  });

  it('quotes the stop limit, the shift and the time needed', () => {
    const full = { reason: 'max_tasks', message: 'm', details: { vehicles: 2, skilled: 2, suitable: 2, max_tasks: 8 } };
    expect(unassignedText(zh, full)).toBe('可承担的 2 个检查组均已排满每组 8 个检查点的上限');
    const onlyFire = { ...full, details: { ...full.details, skilled: 1, suitable: 1 } };
    expect(unassignedText(en, onlyFire)).toBe('only 1 of 2 teams have a fire officer, and they already have their 8 stops (the limit per team)');
    const long = { reason: 'shift_length', message: 'm', details: { vehicles: 1, skilled: 1, suitable: 0, needed_seconds: 11_000, shift_seconds: 10_800 } };
    expect(unassignedText(zh, long)).toBe('往返路程加检查需 184 分钟，超过 180 分钟的班次');
  });

  it('falls back to the solver message without counts or for an unknown reason, never showing a placeholder', () => {
    expect(unassignedText(zh, { reason: 'no_room', message: 'kept from an older plan' })).toBe('kept from an older plan');
    expect(unassignedText(en, { reason: 'new_reason', message: 'new', details: { vehicles: 1, skilled: 1, suitable: 1 } })).toBe('new');
    const noRoom = unassignedText(en, { reason: 'no_room', message: 'm', details: { vehicles: 2, skilled: 2, suitable: 2 } });
    expect(noRoom).not.toMatch(/[{}]/);
  });

  it('says why a team stays at the base', () => {
    expect(idleText(zh, { reason: 'served_by_others', message: 'm', details: { jobs: 8, compatible: 2, reachable: 2 } })).toBe('本组可承担的 2 个检查点均已由其他组安排');
    expect(idleText(en, { reason: 'no_compatible_job', message: 'm', details: { jobs: 8, compatible: 0, reachable: 0 } })).toBe("no stop matches its members' skills");
    expect(idleText(en, { reason: 'unknown' as never, message: 'solver says', details: { jobs: 0, compatible: 0, reachable: 0 } })).toBe('solver says');
  });
});
