/**
 * ~20,000 线索 over the 24 months before asOf. The intensity of a day is its seasonal × weekly weight times
 * the sum of a steady background and the hotspots active that day; each clue then comes from the background
 * (population-weighted residential areas) or from one hotspot. Statuses follow the clue loop by age.
 */
import type { Random } from '../../../server/domain/random.js';
import { cumulativeSampler } from '../../../server/domain/random.js';
import { reportDays, sampleInstantOnDay } from './seasonality.js';
import { DAY_MS, HOUR_MS, shanghaiParts } from '../../../server/domain/time.js';
import { CLUE_HANDLING_DAYS, clueDueAt } from '../../../server/domain/clue-workflow.js';
import { DEFAULT_RESPONSIBILITY_MATRIX, dispatchByMatrix } from '../../../server/domain/responsibility-matrix.js';
import { clueSources, suspectedTypes, type ClueSource, type ClueStatus, type InstitutionCategory, type SuspectedType } from '../../../server/domain/vocabulary.js';
import { hotspotActivity, type Hotspot } from './hotspots.js';
import { syntheticAddress } from './addresses.js';
import { distanceMetres } from './grid.js';
import type { Geography, PlacedPoint } from './geography.js';
import type { ResidentialCentre } from './residential.js';
import type { GeneratedInstitution } from './institutions.js';


export interface GeneratedClue {
  id: number;
  source: ClueSource;
  reportedAt: Date;
  lon: number;
  lat: number;
  address: string;
  description: string;
  suspectedType: SuspectedType;
  status: ClueStatus;
  institutionId: number | null;
  districtCode: string;
  gridCellId: number;
  dueAt: Date;
  closedAt: Date | null;
  /** Index of the hotspot it came from, or null for background. Not stored; used by tests and docs. */
  hotspot: number | null;
}

const SOURCES = clueSources;
/**
 * Shares of the channels. The demo's clues predate the campaigns' check-ins, so none comes from a campaign (a zero
 * share draws as if the channel were not listed).
 */
const SOURCE_SHARES: Readonly<Record<ClueSource, number>> = { '12345': 0.36, 随手拍: 0.2, platform: 0.14, grid_patrol: 0.2, media: 0.03, transfer: 0.07, campaign: 0 };
const SOURCE_WEIGHTS = SOURCES.map((s) => SOURCE_SHARES[s]);

/** Shares of the suspected types in term time and in the vacations, in the order of suspectedTypes. */
const TYPES = suspectedTypes;
const TYPE_WEIGHTS_TERM = [0.2, 0.06, 0.03, 0.08, 0.14, 0.14, 0.08, 0.14, 0.09, 0.04];
/** In the vacations the disguised forms (家政, 研学, 托管, 一对一) rise. */
const TYPE_WEIGHTS_VACATION = [0.16, 0.12, 0.12, 0.14, 0.15, 0.12, 0.05, 0.08, 0.04, 0.02];
const FLAT_TYPES = new Set<SuspectedType>(['housekeeping', 'one_to_one', 'residential_flat', 'daycare']);

const DESCRIPTIONS: Record<SuspectedType, string[]> = {
  unlicensed: ['群众反映该处有无证无照机构开展学科类培训', '发现一处未挂牌培训点，疑似无办学许可证', '反映有机构未取得办学许可证招生授课'],
  housekeeping: ['反映有人以“家政服务”名义上门开展学科类辅导', '疑似以“高端保姆”“住家教师”名义提供学科培训'],
  study_tour: ['反映有机构以“研学”“游学”名义组织学科类培训', '疑似以夏令营、研学营形式开展学科类培训'],
  daycare: ['反映托管班在晚间及周末开展学科类培训', '疑似以“托管”“晚托”名义开展学科辅导'],
  one_to_one: ['反映有人在家中开展“一对一”学科类辅导并收费', '疑似在咖啡馆、住宅内开展一对一学科培训'],
  residential_flat: ['反映居民楼内有人组织学生上课，进出人员较多', '小区住宅内疑似开设培训班，噪音扰民'],
  online: ['反映有线上平台违规开展学科类培训并收费', '疑似通过社交群组招生开展线上学科辅导'],
  academic_in_nonacademic: ['反映非学科类机构超范围开展学科类培训', '某艺术/体育培训机构疑似开设数学、英语课程'],
  overcharging: ['反映机构一次性收取超过3个月或60课时的费用', '疑似预付费卡“跑路”风险，家长要求退费'],
  other: ['反映培训场所消防通道堵塞', '反映培训机构虚假宣传'],
};

export interface CluePlan {
  count: number;
  asOf: Date;
  districtWeights: ReadonlyMap<string, number>;
  /** Share of clues from hotspots, averaged over the window. */
  hotspotShare: number;
  districtNames: ReadonlyMap<string, string>;
  streetNames: ReadonlyMap<string, string>;
}

export function generateClues(
  random: Random,
  geography: Geography,
  centres: readonly ResidentialCentre[],
  hotspots: readonly Hotspot[],
  institutions: readonly GeneratedInstitution[],
  plan: CluePlan,
): GeneratedClue[] {
  if (!(plan.count >= 0)) throw new RangeError(`clue count must be ≥ 0, got ${plan.count}`);
  if (!(plan.hotspotShare >= 0 && plan.hotspotShare < 1)) throw new RangeError(`hotspotShare must be in [0, 1), got ${plan.hotspotShare}`);
  const days = reportDays(plan.asOf);
  const dayCount = days.length;
  // Activity of every hotspot on every day.
  const activity = days.map((day, index) => {
    const { month, day: dayOfMonth } = shanghaiParts(new Date(day.start.getTime() + 12 * HOUR_MS));
    return hotspots.map((h) => h.strength * hotspotActivity(h, (index + 0.5) / dayCount, month, dayOfMonth));
  });
  const meanHotspotMass = hotspots.length === 0 ? 0 : activity.reduce((sum, a) => sum + a.reduce((x, y) => x + y, 0), 0) / dayCount;
  const background = meanHotspotMass === 0 ? 1 : (meanHotspotMass * (1 - plan.hotspotShare)) / plan.hotspotShare;
  const sampleDay = cumulativeSampler(days.map((day, index) => day.weight * (background + activity[index].reduce((x, y) => x + y, 0))));

  const districtCodes = [...plan.districtWeights.keys()];
  const sampleDistrict = cumulativeSampler(districtCodes.map((code) => plan.districtWeights.get(code) ?? 0));
  const centresByDistrict = new Map<string, { centres: ResidentialCentre[]; sample: (r: Random) => number }>();
  for (const code of districtCodes) {
    const local = centres.filter((c) => c.districtCode === code);
    if (local.length > 0) centresByDistrict.set(code, { centres: local, sample: cumulativeSampler(local.map((c) => c.weight)) });
  }
  const nearby = institutionIndex(institutions);

  const clues: GeneratedClue[] = [];
  for (let index = 0; index < plan.count; index++) {
    const dayIndex = sampleDay(random);
    const day = days[dayIndex];
    const reportedAt = sampleInstantOnDay(random, day, plan.asOf);
    const component = random.weightedIndex([background, ...activity[dayIndex]]) - 1;
    let place: PlacedPoint;
    if (component >= 0) {
      const h = hotspots[component];
      place = geography.placeNear(random, h.districtCode, [h.lon, h.lat], h.sigmaMetres);
    } else {
      const districtCode = districtCodes[sampleDistrict(random)];
      const local = centresByDistrict.get(districtCode);
      if (local && random.chance(0.8)) {
        const centre = local.centres[local.sample(random)];
        place = geography.placeNear(random, districtCode, [centre.lon, centre.lat], centre.sigmaMetres * 1.3);
      } else {
        const cells = geography.district(districtCode).cells;
        place = geography.placeInCell(random, cells[random.weightedIndex(cells.map((c) => c.areaM2))]);
      }
    }
    const { month, day: dayOfMonth } = shanghaiParts(reportedAt);
    const vacation = (month === 1 && dayOfMonth >= 15) || (month === 2 && dayOfMonth <= 25) || month === 7 || month === 8;
    const suspectedType = TYPES[random.weightedIndex(vacation ? TYPE_WEIGHTS_VACATION : TYPE_WEIGHTS_TERM)];
    const source = SOURCES[random.weightedIndex(SOURCE_WEIGHTS)];
    const linked = linkInstitution(random, nearby, place, suspectedType, component >= 0);
    const loop = clueLoop(random, reportedAt, source, plan.asOf);
    const districtName = plan.districtNames.get(place.cell.districtCode) ?? '';
    clues.push({
      id: index + 1,
      source,
      reportedAt,
      lon: place.lon,
      lat: place.lat,
      address: syntheticAddress(random, districtName, plan.streetNames.get(place.cell.streetCode) ?? '', FLAT_TYPES.has(suspectedType) ? 'flat' : 'premises'),
      description: random.pick(DESCRIPTIONS[suspectedType]),
      suspectedType,
      status: loop.status,
      institutionId: linked,
      districtCode: place.cell.districtCode,
      gridCellId: place.cell.id,
      dueAt: loop.dueAt,
      closedAt: loop.closedAt,
      hotspot: component >= 0 ? component : null,
    });
  }
  return clues;
}


/**
 * Where a clue stands in the loop (受理 → 立案 → 派遣 → 处置 → 反馈 → 核查 → 结案) at asOf: each clue gets a
 * handling time (most within the deadline, a tail beyond it); the clue is closed if that time has passed,
 * otherwise at the stage matching the elapsed share. Old clues are thus mostly closed, recent ones open,
 * and some open ones overdue (the slow tail and a few stalled cases).
 */
export function clueLoop(random: Random, reportedAt: Date, source: ClueSource, asOf: Date): { status: ClueStatus; dueAt: Date; closedAt: Date | null } {
  const dueDays = CLUE_HANDLING_DAYS[source];
  const dueAt = clueDueAt(source, reportedAt);
  const rejected = random.chance(0.07);
  // A few cases stall (escalated, waiting for another department) far past their deadline.
  const stalled = !rejected && random.chance(0.04);
  const handlingDays = rejected
    ? random.between(0.5, 3)
    : dueDays * Math.exp(Math.log(0.55) + 0.55 * random.normal()) * (stalled ? random.between(4, 15) : 1);
  const doneAt = new Date(reportedAt.getTime() + Math.round(handlingDays * DAY_MS / 1000) * 1000);
  if (doneAt.getTime() <= asOf.getTime()) return { status: rejected ? 'rejected' : 'closed', dueAt, closedAt: doneAt };
  const progress = (asOf.getTime() - reportedAt.getTime()) / (doneAt.getTime() - reportedAt.getTime());
  const stages: [number, ClueStatus][] = [[0.05, 'received'], [0.15, 'registered'], [0.35, 'dispatched'], [0.7, 'handling'], [0.9, 'feedback'], [1, 'verified']];
  const status = rejected ? 'registered' : (stages.find(([limit]) => progress < limit)?.[1] ?? 'verified');
  return { status, dueAt, closedAt: null };
}

interface InstitutionIndex {
  cellMetres: number;
  buckets: Map<string, GeneratedInstitution[]>;
}

function institutionIndex(institutions: readonly GeneratedInstitution[]): InstitutionIndex {
  const cellMetres = 300;
  const buckets = new Map<string, GeneratedInstitution[]>();
  for (const inst of institutions) {
    const key = bucketKey(inst.lon, inst.lat, cellMetres);
    const list = buckets.get(key);
    if (list) list.push(inst);
    else buckets.set(key, [inst]);
  }
  return { cellMetres, buckets };
}

function bucketKey(lon: number, lat: number, cellMetres: number, dx = 0, dy = 0): string {
  const x = Math.floor((lon * 95_000) / cellMetres) + dx;
  const y = Math.floor((lat * 111_320) / cellMetres) + dy;
  return `${x}:${y}`;
}

/**
 * About a third of clues name an institution: the nearest one within 300 m in the same district, preferring
 * unlicensed ones for hotspot clues and for 无证无照 reports.
 */
function linkInstitution(random: Random, index: InstitutionIndex, place: PlacedPoint, type: SuspectedType, fromHotspot: boolean): number | null {
  const linkChance = fromHotspot ? 0.6 : type === 'online' ? 0.05 : 0.3;
  if (!random.chance(linkChance)) return null;
  const preferUnlicensed = fromHotspot || type === 'unlicensed';
  let best: GeneratedInstitution | null = null;
  let bestScore = Infinity;
  for (let dx = -1; dx <= 1; dx++) {
    for (let dy = -1; dy <= 1; dy++) {
      for (const inst of index.buckets.get(bucketKey(place.lon, place.lat, index.cellMetres, dx, dy)) ?? []) {
        if (inst.districtCode !== place.cell.districtCode) continue;
        const d = distanceMetres([inst.lon, inst.lat], [place.lon, place.lat]);
        if (d > 300) continue;
        const score = preferUnlicensed && inst.status !== 'unlicensed' ? d + 1000 : d;
        if (score < bestScore) {
          bestScore = score;
          best = inst;
        }
      }
    }
  }
  return best?.id ?? null;
}

const DISPATCHED_STATUSES: ReadonlySet<ClueStatus> = new Set(['dispatched', 'handling', 'feedback', 'verified', 'closed']);
/** A generated clue is dispatched this long after its report (the grid centre's working hours aside). */
const SEED_DISPATCH_AFTER_MS = 4 * HOUR_MS;

/**
 * The dispatch columns of a generated clue: one past 派单 was dispatched by the default matrix (version 1) four hours
 * after its report (or at its closing, if sooner); the others carry none.
 */
export function seedDispatch(
  clue: Pick<GeneratedClue, 'status' | 'suspectedType' | 'reportedAt' | 'closedAt'>,
  institutionCategory: InstitutionCategory | null,
): { lead_department: string | null; co_departments: string[]; matrix_rule_id: string | null; dispatch_reason: string | null; whistle: boolean; dispatched_at: string | null } {
  if (!DISPATCHED_STATUSES.has(clue.status)) return { lead_department: null, co_departments: [], matrix_rule_id: null, dispatch_reason: null, whistle: false, dispatched_at: null };
  const d = dispatchByMatrix(DEFAULT_RESPONSIBILITY_MATRIX, { suspectedType: clue.suspectedType, institutionCategory });
  const at = Math.min(clue.reportedAt.getTime() + SEED_DISPATCH_AFTER_MS, clue.closedAt?.getTime() ?? Infinity);
  return { lead_department: d.lead, co_departments: d.co, matrix_rule_id: d.ruleId, dispatch_reason: d.reason, whistle: d.whistle, dispatched_at: new Date(at).toISOString() };
}
