import { DomainInputError } from './errors.js';
import { institutionCategories, suspectedTypes, type InstitutionCategory, type SuspectedType } from './vocabulary.js';

// 责任矩阵: which department leads a clue and which assist, after the Putuo responsibility matrix (普陀区, 2020) and its
// routing (§四, §五): education leads what is taught, market regulation leads on fees and comprehensive enforcement,
// urban management on training in flats, each sector on its own kind of institution. The matrix is data: an
// administrator edits it (a new version each time) and every dispatch names the rule it followed.

export interface MatrixRule {
  id: string;
  /** What the rule applies to; an absent list matches any value. */
  suspectedTypes?: readonly SuspectedType[];
  institutionCategories?: readonly InstitutionCategory[];
  lead: string;
  co: readonly string[];
  /** Why, in the words of the matrix, shown with the dispatch. */
  reason: string;
}

export interface ClueForDispatch {
  suspectedType: SuspectedType;
  /** The suspected institution's category, when the clue names one. */
  institutionCategory: InstitutionCategory | null;
}

export interface MatrixDispatch {
  lead: string;
  co: string[];
  ruleId: string;
  reason: string;
  /** 街镇吹哨、部门报到: the case needs three departments or more, so the 街镇 calls them together. */
  whistle: boolean;
}

/** Three departments or more on one case is what 吹哨报到 is for. */
export const WHISTLE_DEPARTMENTS = 3;

const sectorOf: Record<InstitutionCategory, string | null> = { 学科类: 'education', 文化艺术: 'culture_tourism', 科技: 'science', 体育: 'sports', 其他: null };

/** The default matrix: specific rules first (a type with a category), then one rule per type, then the fallback. */
export const DEFAULT_RESPONSIBILITY_MATRIX: readonly MatrixRule[] = [
  ...(['文化艺术', '科技', '体育'] as const).map((category) => ({
    id: `unlicensed-${sectorOf[category]}`,
    suspectedTypes: ['unlicensed'] as const,
    institutionCategories: [category],
    lead: sectorOf[category]!,
    co: ['market_regulation'],
    reason: `${category}类无证办学：行业主管部门牵头，市场监管部门查处无照经营`,
  })),
  { id: 'unlicensed', suspectedTypes: ['unlicensed'], lead: 'education', co: ['market_regulation'], reason: '无证无照办学：教育部门牵头认定，市场监管部门查处无照经营' },
  { id: 'residential-flat', suspectedTypes: ['residential_flat'], lead: 'urban_management', co: ['education', 'housing'], reason: '居民楼内办班：城管执法查处擅自改变住宅用途，教育部门认定培训性质，房管部门查房屋使用' },
  { id: 'one-to-one', suspectedTypes: ['one_to_one'], lead: 'education', co: ['urban_management'], reason: '一对一上门或居家培训：教育部门牵头，城管执法协查住宅用途' },
  { id: 'housekeeping', suspectedTypes: ['housekeeping'], lead: 'market_regulation', co: ['education', 'human_resources'], reason: '以家政服务名义违规培训：市场监管部门查经营范围，教育部门认定，人社部门查用工' },
  { id: 'study-tour', suspectedTypes: ['study_tour'], lead: 'culture_tourism', co: ['education', 'market_regulation'], reason: '以研学游学名义违规培训：文旅部门牵头，教育部门认定，市场监管部门查经营' },
  { id: 'daycare', suspectedTypes: ['daycare'], lead: 'education', co: ['health', 'market_regulation'], reason: '以托管名义违规培训：教育部门牵头，卫健部门查托育，市场监管部门查经营' },
  { id: 'online', suspectedTypes: ['online'], lead: 'education', co: ['public_security'], reason: '线上违规培训：教育部门牵头，公安部门协查网络平台' },
  {
    id: 'academic-in-nonacademic',
    suspectedTypes: ['academic_in_nonacademic'],
    lead: 'education',
    co: ['market_regulation'],
    reason: '非学科类机构开展学科类培训：教育部门认定，行业主管部门与市场监管部门协同',
  },
  { id: 'overcharging', suspectedTypes: ['overcharging'], lead: 'market_regulation', co: ['commerce', 'finance', 'education'], reason: '超前收费与预付费：市场监管部门查收费，商务部门查预付卡，金融办查培训贷，教育部门协同' },
  { id: 'fallback', lead: 'education', co: [], reason: '性质不明或跨行业的线索：提交教育部门牵头联合研判' },
];

const matches = <T>(list: readonly T[] | undefined, value: T | null) => list === undefined || (value !== null && list.includes(value));

/**
 * The dispatch of a clue by the matrix: the first rule that matches. A non-academic institution doing academic
 * training brings its own sector in beside education.
 */
export function dispatchByMatrix(matrix: readonly MatrixRule[], clue: ClueForDispatch): MatrixDispatch {
  const rule = matrix.find((r) => matches(r.suspectedTypes, clue.suspectedType) && matches(r.institutionCategories, clue.institutionCategory));
  if (!rule) throw new DomainInputError([{ path: 'matrix', message: `no rule of the matrix matches ${clue.suspectedType}${clue.institutionCategory ? ` (${clue.institutionCategory})` : ''}: the matrix needs a fallback rule` }]);
  const sector = clue.institutionCategory ? sectorOf[clue.institutionCategory] : null;
  const extra = rule.suspectedTypes?.includes('academic_in_nonacademic') && sector && sector !== rule.lead ? [sector] : [];
  const co = [...new Set([...rule.co, ...extra])].filter((d) => d !== rule.lead);
  return { lead: rule.lead, co, ruleId: rule.id, reason: rule.reason, whistle: 1 + co.length >= WHISTLE_DEPARTMENTS };
}

/** Problems of a matrix an administrator wrote: unknown departments, a lead among its helpers, ids twice, no fallback. */
export function matrixProblems(matrix: readonly MatrixRule[], departmentCodes: ReadonlySet<string>): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const ids = new Set<string>();
  matrix.forEach((rule, i) => {
    const at = `rules.${i}`;
    if (ids.has(rule.id)) problems.push({ path: `${at}.id`, message: `rule id ${rule.id} appears twice` });
    ids.add(rule.id);
    for (const d of [rule.lead, ...rule.co]) if (!departmentCodes.has(d)) problems.push({ path: at, message: `unknown department ${d}` });
    if (rule.co.includes(rule.lead)) problems.push({ path: `${at}.co`, message: `the lead ${rule.lead} is also among the co-departments` });
    for (const t of rule.suspectedTypes ?? []) if (!suspectedTypes.includes(t)) problems.push({ path: `${at}.suspectedTypes`, message: `unknown type ${t}` });
    for (const c of rule.institutionCategories ?? []) if (!institutionCategories.includes(c)) problems.push({ path: `${at}.institutionCategories`, message: `unknown category ${c}` });
  });
  if (!matrix.some((r) => r.suspectedTypes === undefined && r.institutionCategories === undefined))
    problems.push({ path: 'rules', message: 'the matrix needs a fallback rule (no types, no categories) so that every clue has a lead' });
  return problems;
}

/** What one version of the matrix changed against the one before: the history says it without the reader diffing. */
export interface MatrixChanges {
  added: string[];
  removed: string[];
  /** Rules kept under their id whose conditions, departments or reason changed, and which of those. */
  changed: { id: string; fields: string[] }[];
  /** The order of the kept rules changed: the first match decides, so an order is a change too. */
  reordered: boolean;
}

const RULE_FIELDS = ['suspectedTypes', 'institutionCategories', 'lead', 'co', 'reason'] as const;

export function matrixChanges(before: readonly MatrixRule[], after: readonly MatrixRule[]): MatrixChanges {
  const old = new Map(before.map((r) => [r.id, r]));
  const kept = new Set(after.map((r) => r.id));
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  const changed = after.flatMap((rule) => {
    const was = old.get(rule.id);
    const fields = was ? RULE_FIELDS.filter((f) => !same(was[f], rule[f])) : [];
    return fields.length ? [{ id: rule.id, fields: [...fields] }] : [];
  });
  const keptBefore = before.map((r) => r.id).filter((id) => kept.has(id));
  const keptAfter = after.map((r) => r.id).filter((id) => old.has(id));
  return {
    added: after.filter((r) => !old.has(r.id)).map((r) => r.id),
    removed: before.filter((r) => !kept.has(r.id)).map((r) => r.id),
    changed,
    reordered: keptBefore.join('\n') !== keptAfter.join('\n'),
  };
}
