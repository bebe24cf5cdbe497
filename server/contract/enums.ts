// The value lists of the database enums (db/schema/enums.ts), repeated here so that the contract stays
// pure and browser-safe; tests/server/contract/enums.test.ts fails if the two drift apart.

export const institutionCategories = ['学科类', '文化艺术', '科技', '体育', '其他'] as const;
export const institutionNatures = ['营利', '非营利'] as const;
export const institutionStatuses = ['licensed', 'registered', 'unlicensed', 'suspended', 'revoked'] as const;
export const listStatuses = ['white', 'black', 'none'] as const;
export const clueSources = ['12345', '随手拍', 'platform', 'grid_patrol', 'media', 'transfer'] as const;
export const suspectedTypes = [
  'unlicensed',
  'housekeeping',
  'study_tour',
  'daycare',
  'one_to_one',
  'residential_flat',
  'online',
  'academic_in_nonacademic',
  'overcharging',
  'other',
] as const;
export const clueStatuses = ['received', 'registered', 'dispatched', 'handling', 'feedback', 'verified', 'closed', 'rejected'] as const;
export const userRoles = ['admin', 'planner', 'leader', 'wall'] as const;

export type InstitutionCategory = (typeof institutionCategories)[number];
export type InstitutionNature = (typeof institutionNatures)[number];
export type InstitutionStatus = (typeof institutionStatuses)[number];
export type ListStatus = (typeof listStatuses)[number];
export type ClueSource = (typeof clueSources)[number];
export type SuspectedType = (typeof suspectedTypes)[number];
export type ClueStatus = (typeof clueStatuses)[number];
export type UserRole = (typeof userRoles)[number];
