import { describe, expect, test } from 'vitest';
import { FIRE_SAFETY_SKILL, formTeams, PlanningInputError, type PatrolOfficer } from '../../../server/planning/index.js';

const officer = (id: number, departmentCode: string, certificateExpiresOn = '2027-12-31'): PatrolOfficer => ({
  id,
  name: `officer ${id}`,
  departmentCode,
  certificateExpiresOn,
});

describe('formTeams (持证上岗, joint teams)', () => {
  test('leaves out officers whose certificate has expired by the date, and says so', () => {
    const officers = [officer(1, 'education'), officer(2, 'market_regulation', '2026-11-01'), officer(3, 'urban_management'), officer(4, 'education', '2026-11-02')];
    const formed = formTeams(officers, '2026-11-02', 3);
    const members = formed.teams.flatMap((t) => t.members.map((m) => m.id));
    expect(members).not.toContain(2);
    expect(formed.excluded).toEqual([{ id: 2, name: 'officer 2', reason: 'certificate_expired' }]);
    // A certificate valid through the date itself still counts.
    expect(members).toContain(4);
  });

  test('every team has an education officer and at least two members; fewer teams than asked are reported', () => {
    const officers = [officer(1, 'education'), officer(2, 'education'), officer(3, 'housing'), officer(4, 'sports'), officer(5, 'education')];
    const formed = formTeams(officers, '2026-11-02', 3);
    expect(formed.teams).toHaveLength(2);
    for (const team of formed.teams) {
      expect(team.members[0].departmentCode).toBe('education');
      expect(team.members.length).toBeGreaterThanOrEqual(2);
    }
    expect(formed.warnings[0]).toContain('3 teams requested, 2 formed');
  });

  test('scarce skills are spread: two fire officers go to two different teams', () => {
    const officers = [
      officer(1, 'education'),
      officer(2, 'education'),
      officer(3, 'market_regulation'),
      officer(4, 'market_regulation'),
      officer(5, 'fire_rescue'),
      officer(6, 'fire_rescue'),
    ];
    const formed = formTeams(officers, '2026-11-02', 2);
    expect(formed.teams.map((t) => t.skills.includes(FIRE_SAFETY_SKILL))).toEqual([true, true]);
  });

  test('no team without an education officer: a clear error', () => {
    expect(() => formTeams([officer(1, 'housing'), officer(2, 'sports')], '2026-11-02', 1)).toThrow(PlanningInputError);
    expect(() => formTeams([officer(1, 'education', '2026-01-01'), officer(2, 'sports')], '2026-11-02', 1)).toThrow(/no team can be formed on 2026-11-02: 1 certified/);
    expect(() => formTeams([officer(1, 'education')], '2026-11-02', 0)).toThrow(/positive integer/);
  });
});
