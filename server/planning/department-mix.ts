import { operatesWithoutLicence } from '../domain/institution.js';
import type { InstitutionCategory, InstitutionStatus, SuspectedType, ViolationKind } from '../domain/vocabulary.js';
import type { FireSafetyPolicy } from './patrol-problem.js';

/**
 * Which departments a joint inspection of one target needs (联合执法), after the responsibility matrix of the Putuo
 * plan (§四) and the Hangzhou plan's enforcement priorities (§二(三)). The rules are the table MIX_RULES below, each
 * with the reason it gives; docs/campaigns-draws.md shows the same table.
 */

export type TargetKind = 'institution' | 'gridCell';

export interface InspectionTarget {
  kind: TargetKind;
  id: number;
  districtCode: string;
  /** The 街镇 the target lies in (an institution's or a grid cell's). */
  streetCode: string;
  /** Institutions only. */
  category?: InstitutionCategory;
  status?: InstitutionStatus;
  /** Suspected types of the clues (线索) that point at the target. */
  clueTypes?: readonly SuspectedType[];
  /** Kinds of the violations on record (违规记录). */
  violationKinds?: readonly ViolationKind[];
  /** A clue asks for the police: obstruction expected, foreign staff, a suspected crime (涉嫌犯罪, 行刑衔接). */
  policeRequested?: boolean;
}

/** Why a department is on the team. */
export type MixReason =
  | 'lead' // 教育部门牵头
  | 'unlicensed' // 无证无照: the business licence (营业执照) is market regulation's
  | 'fees' // 超前收费、预付费 (单用途预付卡)
  | 'advertising' // 违法广告
  | 'premises' // 培训场所消防安全
  | 'safety_record' // 消防隐患 on record
  | 'residential_flat' // 居民楼内办班、上门一对一: change of residential use
  | 'police_requested'
  | 'category'; // 文化艺术 / 体育 / 科技 institutions: their sector's department

export interface DepartmentNeed {
  departmentCode: string;
  reasons: MixReason[];
}

export interface MixOptions {
  /** Default `unlicensed`, as for patrol plans. */
  fireSafety?: FireSafetyPolicy;
}

/** The lead of every joint inspection (牵头部门): the education bureau. */
export const LEAD_DEPARTMENT = 'education';

/** Order of the departments on a team after the lead. */
export const MIX_ORDER = ['market_regulation', 'fire_rescue', 'urban_management', 'public_security', 'culture_tourism', 'sports', 'science'] as const;

const CATEGORY_DEPARTMENT: Partial<Record<InstitutionCategory, string>> = {
  文化艺术: 'culture_tourism',
  体育: 'sports',
  科技: 'science',
};

const has = <T>(list: readonly T[] | undefined, ...values: T[]) => (list ?? []).some((v) => values.includes(v));

interface MixRule {
  departmentCode: string;
  reason: MixReason;
  applies: (target: InspectionTarget, fireSafety: FireSafetyPolicy) => boolean;
}

const isInstitution = (t: InspectionTarget) => t.kind === 'institution';

export const MIX_RULES: readonly MixRule[] = [
  { departmentCode: 'market_regulation', reason: 'unlicensed', applies: (t) => isInstitution(t) && t.status === 'unlicensed' },
  { departmentCode: 'market_regulation', reason: 'fees', applies: (t) => has(t.clueTypes, 'overcharging') || has(t.violationKinds, 'overcharging') },
  { departmentCode: 'market_regulation', reason: 'advertising', applies: (t) => has(t.violationKinds, 'false_advertising') },
  {
    departmentCode: 'fire_rescue',
    reason: 'premises',
    applies: (t, policy) => isInstitution(t) && (policy === 'all' || (policy === 'unlicensed' && t.status !== undefined && operatesWithoutLicence(t.status))),
  },
  { departmentCode: 'fire_rescue', reason: 'safety_record', applies: (t, policy) => isInstitution(t) && policy !== 'none' && has(t.violationKinds, 'safety') },
  { departmentCode: 'urban_management', reason: 'residential_flat', applies: (t) => has(t.clueTypes, 'residential_flat', 'one_to_one') },
  { departmentCode: 'public_security', reason: 'police_requested', applies: (t) => t.policeRequested === true },
  ...Object.entries(CATEGORY_DEPARTMENT).map(([category, departmentCode]) => ({
    departmentCode,
    reason: 'category' as const,
    applies: (t: InspectionTarget) => isInstitution(t) && t.category === category,
  })),
];

/** The departments the target's inspection needs: education first, then MIX_ORDER, each with its reasons. */
export function departmentMix(target: InspectionTarget, options: MixOptions = {}): DepartmentNeed[] {
  const fireSafety = options.fireSafety ?? 'unlicensed';
  const needs = new Map<string, MixReason[]>([[LEAD_DEPARTMENT, ['lead']]]);
  for (const rule of MIX_RULES) {
    if (!rule.applies(target, fireSafety)) continue;
    needs.set(rule.departmentCode, [...(needs.get(rule.departmentCode) ?? []), rule.reason]);
  }
  const order: readonly string[] = [LEAD_DEPARTMENT, ...MIX_ORDER];
  return [...needs].map(([departmentCode, reasons]) => ({ departmentCode, reasons })).sort((a, b) => order.indexOf(a.departmentCode) - order.indexOf(b.departmentCode));
}
