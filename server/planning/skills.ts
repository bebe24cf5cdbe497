/**
 * Skills of a patrol team, numbered for the VROOM-style problem: a team has the skill of every department one of
 * its members belongs to. The education bureau leads every joint patrol (牵头部门), so every team has skill 1.
 */
export const DEPARTMENT_SKILLS: Readonly<Record<string, number>> = {
  education: 1,
  fire_rescue: 2,
  urban_management: 3,
  market_regulation: 4,
  public_security: 5,
  culture_tourism: 6,
  sports: 7,
  science: 8,
  housing: 9,
  civil_affairs: 10,
  human_resources: 11,
  health: 12,
  commerce: 13,
  finance: 14,
  tax: 15,
};

export const EDUCATION_SKILL = DEPARTMENT_SKILLS.education;
/** A fire-safety check of premises (消防安全检查) needs an officer of the fire and rescue detachment. */
export const FIRE_SAFETY_SKILL = DEPARTMENT_SKILLS.fire_rescue;

export function skillOfDepartment(departmentCode: string): number | null {
  return DEPARTMENT_SKILLS[departmentCode] ?? null;
}
