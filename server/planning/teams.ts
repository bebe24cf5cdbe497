import { PlanningInputError } from './errors.js';
import { EDUCATION_SKILL, skillOfDepartment } from './skills.js';

export interface PatrolOfficer {
  id: number;
  name: string;
  departmentCode: string;
  /** YYYY-MM-DD, the last day the enforcement certificate (执法证) is valid. */
  certificateExpiresOn: string;
}

export interface PatrolTeam {
  /** 1-based; the vehicle id of the routing problem. */
  id: number;
  members: PatrolOfficer[];
  skills: number[];
}

export interface ExcludedOfficer {
  id: number;
  name: string;
  reason: 'certificate_expired';
}

export interface TeamFormation {
  teams: PatrolTeam[];
  excluded: ExcludedOfficer[];
  /** Certified officers left without a team (more than the requested teams need). */
  reserve: PatrolOfficer[];
  warnings: string[];
}

/** 《行政处罚法》(2021) 第四十二条: enforcement is carried out by at least two certified officers. */
export const MIN_TEAM_SIZE = 2;
/** Beyond this a team gains little and other teams lose hands. */
export const MAX_TEAM_SIZE = 4;

/** Departments spread first over the teams so that as many teams as possible can do the checks only they may do. */
const SPREAD_ORDER = ['fire_rescue', 'urban_management', 'market_regulation', 'public_security'];

const spreadRank = (departmentCode: string) => {
  const rank = SPREAD_ORDER.indexOf(departmentCode);
  return rank === -1 ? SPREAD_ORDER.length : rank;
};

/**
 * Forms joint patrol teams for a date. 持证上岗: only officers whose certificate is valid on the date take part.
 * Every team is led by an education officer and has at least two members; the other certified officers are dealt
 * round-robin, scarce departments (fire, urban management…) first so that their skills reach as many teams as possible.
 * Deterministic: officers are taken in id order.
 */
export function formTeams(officers: readonly PatrolOfficer[], date: string, requestedTeams: number): TeamFormation {
  if (!Number.isInteger(requestedTeams) || requestedTeams < 1) {
    throw new PlanningInputError([{ path: 'teams', message: `the number of teams must be a positive integer, got ${requestedTeams}` }]);
  }
  const sorted = [...officers].sort((a, b) => a.id - b.id);
  const certified = sorted.filter((o) => o.certificateExpiresOn >= date);
  const excluded = sorted
    .filter((o) => o.certificateExpiresOn < date)
    .map((o) => ({ id: o.id, name: o.name, reason: 'certificate_expired' as const }));
  const leaders = certified.filter((o) => o.departmentCode === 'education');
  const teamCount = Math.min(requestedTeams, leaders.length, Math.floor(certified.length / MIN_TEAM_SIZE));
  if (teamCount === 0) {
    throw new PlanningInputError([
      {
        path: 'teams',
        message:
          `no team can be formed on ${date}: ${certified.length} certified officer(s), ${leaders.length} of the education bureau; ` +
          `a team needs an education officer and at least ${MIN_TEAM_SIZE} certified members`,
      },
    ]);
  }
  const warnings: string[] = [];
  if (teamCount < requestedTeams) {
    warnings.push(
      `请求 ${requestedTeams} 组，实际 ${teamCount} 组（教育部门持证 ${leaders.length} 人，持证共 ${certified.length} 人） / ` +
        `${requestedTeams} teams requested, ${teamCount} formed: ${leaders.length} certified education officer(s), ${certified.length} certified in all`,
    );
  }
  const teams: PatrolOfficer[][] = leaders.slice(0, teamCount).map((leader) => [leader]);
  const others = certified
    .filter((o) => !teams.some((t) => t[0] === o))
    .sort((a, b) => spreadRank(a.departmentCode) - spreadRank(b.departmentCode) || a.id - b.id);
  const reserve: PatrolOfficer[] = [];
  let next = 0;
  for (const officer of others) {
    // Fill every team to the minimum before any team grows further; stop at the maximum size.
    const open = teams.map((t, i) => ({ t, i })).filter(({ t }) => t.length < MAX_TEAM_SIZE);
    if (open.length === 0) {
      reserve.push(officer);
      continue;
    }
    const smallest = Math.min(...open.map(({ t }) => t.length));
    const candidates = open.filter(({ t }) => t.length === smallest);
    const pick = candidates.find(({ i }) => i >= next % teamCount) ?? candidates[0];
    pick.t.push(officer);
    next = pick.i + 1;
  }
  return {
    teams: teams.map((members, i) => ({ id: i + 1, members, skills: teamSkills(members) })),
    excluded,
    reserve,
    warnings,
  };
}

export function teamSkills(members: readonly PatrolOfficer[]): number[] {
  const skills = new Set<number>([EDUCATION_SKILL]);
  for (const m of members) {
    const skill = skillOfDepartment(m.departmentCode);
    if (skill !== null) skills.add(skill);
  }
  return [...skills].sort((a, b) => a - b);
}
