// A holiday special campaign (专项行动): what it is (its definition, versioned) and how it moves from a draft to its
// close. Pure: the services store it and check who asks; the rules of the lifecycle live here alone.
import type { ShiftTime } from './campaign-shift-times.js';
import { campaignDayTypes, type CampaignDayType, type InstitutionCategory, type SuspectedType, type UserRole } from './vocabulary.js';
import { addDays, type IsoDate } from './time.js';
import type { InputIssue } from './errors.js';

/** 寒假 winter vacation, 暑假 summer vacation, 法定节假日, 周末, 回头看 look-back, 自定义 custom. */
export const campaignTypes = ['winter_vacation', 'summer_vacation', 'public_holiday', 'weekend', 'look_back', 'custom'] as const;
export type CampaignType = (typeof campaignTypes)[number];

/** 草稿 → 待审批 → 已批准 → 进行中 → 已结束. */
export const campaignStatuses = ['draft', 'submitted', 'approved', 'active', 'closed'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

/** The look-back plan's 十查: what an inspection checks. */
export const checkItems = [
  'safety', // 安全管理
  'platform', // 平台录入
  'disclosure', // 信息公开
  'joint_mechanism', // 联合执法机制
  'licences', // 证照办理
  'course_filing', // 备案审核
  'rules', // 制度建设
  'unlicensed', // 无证办学
  'advertising', // 违法广告
  'moonlighting', // 在职教师兼职
] as const;
export type CheckItem = (typeof checkItems)[number];

/** The longest campaign: a summer vacation with its run-up is about ten weeks. */
export const MAX_CAMPAIGN_DAYS = 92;

export interface CampaignGoals {
  /** Every institution of the highest risk tier gets an inspection: the policy's first class, tier D of the risk score. */
  coverTierA: boolean;
  /** Share of the registry (检查对象名录库) drawn at random, per cent. */
  drawPercent: number;
  /** How often each hot grid cell is patrolled during the campaign. */
  hotCellVisits: number;
  /** The Gi* confidence a cell needs to count as hot. */
  hotCellConfidence: 95 | 99;
}

export interface CampaignFocus {
  institutionCategories: InstitutionCategory[];
  suspectedTypes: SuspectedType[];
  checkItems: CheckItem[];
}

/**
 * A campaign's own patrol shifts of a day type, "HH:MM" in Shanghai, replacing the defaults (server/planning/
 * campaign-shifts.ts); an empty list means no patrol on such days. Checked by the planning kernel's rules.
 */
export type CampaignShiftTimes = Partial<Record<CampaignDayType, ShiftTime[]>>;

/** What a planner edits; one version of it is frozen by each approval. */
export interface CampaignDefinition {
  name: string;
  type: CampaignType;
  startsOn: IsoDate;
  endsOn: IsoDate;
  /** GB/T 2260 codes, ascending, no repeats. */
  districts: string[];
  focus: CampaignFocus;
  goals: CampaignGoals;
  shifts: CampaignShiftTimes;
}

export const DEFAULT_GOALS: CampaignGoals = { coverTierA: true, drawPercent: 5, hotCellVisits: 2, hotCellConfidence: 99 };

/** Days of the campaign, first to last. */
export function campaignDays(definition: Pick<CampaignDefinition, 'startsOn' | 'endsOn'>): IsoDate[] {
  const days: IsoDate[] = [];
  for (let day = definition.startsOn; day <= definition.endsOn; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The rules a definition must meet beyond its shape (the contract checks the shape). */
export function definitionIssues(d: CampaignDefinition, knownDistricts: ReadonlySet<string>): InputIssue[] {
  const issues: InputIssue[] = [];
  if (d.endsOn < d.startsOn) issues.push({ path: 'endsOn', message: `ends (${d.endsOn}) before it starts (${d.startsOn})` });
  else if (campaignDays(d).length > MAX_CAMPAIGN_DAYS)
    issues.push({ path: 'endsOn', message: `a campaign lasts at most ${MAX_CAMPAIGN_DAYS} days, this one ${campaignDays(d).length}` });
  if (d.districts.length === 0) issues.push({ path: 'districts', message: 'name at least one district' });
  d.districts.forEach((code, i) => {
    if (!knownDistricts.has(code)) issues.push({ path: `districts[${i}]`, message: `unknown district ${code}` });
  });
  if (new Set(d.districts).size !== d.districts.length) issues.push({ path: 'districts', message: 'a district is named twice' });
  return issues;
}

/** Districts ascending and focus lists in their vocabulary's order, so equal definitions compare equal. */
export function normaliseDefinition(d: CampaignDefinition): CampaignDefinition {
  const inOrder = <T extends string>(values: readonly T[]) => [...new Set(values)].sort();
  return {
    ...d,
    name: d.name.trim(),
    districts: inOrder(d.districts),
    focus: {
      institutionCategories: inOrder(d.focus.institutionCategories),
      suspectedTypes: inOrder(d.focus.suspectedTypes),
      checkItems: inOrder(d.focus.checkItems),
    },
    shifts: Object.fromEntries(
      campaignDayTypes.flatMap((type) => {
        const times = d.shifts?.[type];
        return times ? [[type, [...times].sort((a, b) => a.start.localeCompare(b.start))]] : [];
      }),
    ),
  };
}

// ---- lifecycle ----

export type CampaignAction = 'edit' | 'submit' | 'withdraw' | 'return' | 'approve' | 'activate' | 'close';

const transitions: Record<Exclude<CampaignAction, 'edit'>, { from: CampaignStatus; to: CampaignStatus }> = {
  submit: { from: 'draft', to: 'submitted' },
  withdraw: { from: 'submitted', to: 'draft' },
  return: { from: 'submitted', to: 'draft' },
  approve: { from: 'submitted', to: 'approved' },
  activate: { from: 'approved', to: 'active' },
  close: { from: 'active', to: 'closed' },
};

export const statusAfter = (action: Exclude<CampaignAction, 'edit'>): CampaignStatus => transitions[action].to;

export interface CampaignActor {
  userId: number;
  role: UserRole;
  /** Null for city-wide accounts. */
  districtCode: string | null;
}

export interface CampaignState {
  status: CampaignStatus;
  districts: readonly string[];
  /** Who submitted the current version (null until it is submitted). */
  submittedBy: number | null;
}

/** Whether an account may plan for these districts at all: city-wide planners and admins anywhere, a leader in their own. */
export function planScopeRefusal(actor: CampaignActor, districts: readonly string[]): string | null {
  if (actor.role === 'wall') return 'the wall display account reads campaigns only';
  if (actor.role === 'field') return 'a field officer’s account works the plan, it does not plan';
  if (actor.districtCode !== null && districts.some((d) => d !== actor.districtCode))
    return `this account plans for district ${actor.districtCode} only`;
  return null;
}

/**
 * Why an action is refused in the campaign's current state, or null when it may go ahead. Editing a draft changes it in
 * place; editing an approved or running campaign starts a new draft version (the approved one stays frozen); a
 * submitted one must be withdrawn or returned first; a closed one is history.
 */
export function actionRefusal(action: CampaignAction, state: CampaignState, actor: CampaignActor): { kind: 'forbidden' | 'conflict'; message: string } | null {
  const scope = planScopeRefusal(actor, state.districts);
  if (scope) return { kind: 'forbidden', message: scope };
  if (action === 'edit') {
    if (state.status === 'submitted') return { kind: 'conflict', message: 'the campaign awaits approval: withdraw it (or have it returned) before editing' };
    if (state.status === 'closed') return { kind: 'conflict', message: 'a closed campaign cannot be changed' };
    return null;
  }
  const { from } = transitions[action];
  if (state.status !== from) return { kind: 'conflict', message: `cannot ${action} a campaign that is ${state.status} (only one that is ${from})` };
  if (action === 'approve' && state.submittedBy === actor.userId)
    return { kind: 'forbidden', message: 'a campaign is approved by someone other than the person who submitted it' };
  if (action === 'withdraw' && state.submittedBy !== actor.userId && actor.role !== 'admin')
    return { kind: 'forbidden', message: 'only the person who submitted it (or an administrator) withdraws a campaign; an approver returns it' };
  if (action === 'return' && state.submittedBy === actor.userId) return { kind: 'forbidden', message: 'withdraw your own submission instead of returning it' };
  return null;
}

/** The actions an actor may take now, for the UI's buttons. */
export function availableActions(state: CampaignState, actor: CampaignActor): CampaignAction[] {
  const all: CampaignAction[] = ['edit', 'submit', 'withdraw', 'return', 'approve', 'activate', 'close'];
  return all.filter((a) => actionRefusal(a, state, actor) === null);
}

/** Whether an edit in this status makes a new version rather than changing the current one. */
export const editMakesNewVersion = (status: CampaignStatus): boolean => status === 'approved' || status === 'active';

// ---- versions ----

export interface DefinitionChange {
  /** Dotted path, e.g. `goals.drawPercent` or `districts`. */
  path: string;
  before: unknown;
  after: unknown;
}

/** Field-by-field differences between two versions; lists compare as wholes (with what was added and removed). */
export function definitionChanges(before: CampaignDefinition, after: CampaignDefinition): DefinitionChange[] {
  const changes: DefinitionChange[] = [];
  const walk = (path: string, a: unknown, b: unknown) => {
    if (isRecord(a) && isRecord(b)) {
      for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])]) walk(path ? `${path}.${key}` : key, a[key], b[key]);
    } else if (JSON.stringify(a) !== JSON.stringify(b)) changes.push({ path, before: a, after: b });
  };
  walk('', normaliseDefinition(before), normaliseDefinition(after));
  return changes;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
