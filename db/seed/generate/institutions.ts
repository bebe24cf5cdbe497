/**
 * ~6,000 校外培训机构 with a plausible mix of categories, natures, statuses and list statuses; clustered in
 * residential areas (population-weighted, more in central districts), with a few unlicensed ones planted at
 * the hidden-tutoring hotspots.
 */
import type { Random } from '../../../server/domain/random.js';
import { suggestListStatus } from '../../../server/domain/list-status.js';
import { DAY_MS, shanghaiDate, shanghaiInstant } from '../../../server/domain/time.js';
import { institutionCategories, institutionStatuses, type InstitutionCategory, type InstitutionStatus, type ListStatus, type ViolationKind } from '../../../server/domain/vocabulary.js';
import { brandWord } from './names.js';
import { generateCreditCode } from './credit-code.js';
import { syntheticAddress } from './addresses.js';
import type { Geography, PlacedPoint } from './geography.js';
import type { ResidentialCentre } from './residential.js';
import type { Hotspot } from './hotspots.js';

export interface GeneratedViolation {
  /** YYYY-MM-DD (Shanghai date). */
  occurredOn: string;
  kind: ViolationKind;
  description: string;
}

export interface GeneratedInstitution {
  id: number;
  name: string;
  creditCode: string | null;
  licenceNo: string | null;
  category: InstitutionCategory;
  nature: '营利' | '非营利';
  status: InstitutionStatus;
  listStatus: ListStatus;
  address: string;
  lon: number;
  lat: number;
  districtCode: string;
  gridCellId: number;
  streetCode: string;
  /** Oldest first. */
  violations: GeneratedViolation[];
  /** YYYY-MM-DD (Shanghai date). */
  lastInspectedOn: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Shares of the categories, in the order of institutionCategories. */
const CATEGORIES = institutionCategories;
const CATEGORY_WEIGHTS = [0.18, 0.35, 0.15, 0.2, 0.12];
const CATEGORY_WORDS: Record<InstitutionCategory, string[]> = {
  学科类: ['教育', '学科', '英语', '数学', '语文', '学习'],
  文化艺术: ['艺术', '美术', '音乐', '舞蹈', '书法', '戏剧', '钢琴', '围棋'],
  科技: ['科技', '编程', '机器人', '创客', '科学'],
  体育: ['体育', '篮球', '足球', '游泳', '跆拳道', '击剑', '武术', '网球'],
  其他: ['素质教育', '口才', '研学', '思维', '国学'],
};
/** Shares of the statuses, in the order of institutionStatuses. */
const STATUSES = institutionStatuses;
const STATUS_WEIGHTS = [0.56, 0.27, 0.1, 0.045, 0.025];
/** Disguises of unlicensed operators (隐形变异). */
const UNLICENSED_SUFFIXES = ['托管中心', '学习室', '家教工作室', '艺术工作室', '研学营', '家政服务部', '自习室', '成长驿站'];
const VIOLATION_TEXT: Record<ViolationKind, string> = {
  unlicensed_operation: '未取得办学许可证擅自开展培训',
  academic_training: '以非学科类名义违规开展学科类培训',
  false_advertising: '发布虚假或违法广告宣传',
  overcharging: '超前收费、一次性收取超过3个月费用',
  moonlighting_teacher: '聘用在职中小学教师兼职授课',
  unfiled_course: '培训课程未按规定备案',
  disclosure: '未公示收费标准、课程及教师资质',
  safety: '培训场所存在消防安全隐患',
};
const COMMON_VIOLATIONS: ViolationKind[] = ['overcharging', 'disclosure', 'unfiled_course', 'false_advertising', 'safety', 'moonlighting_teacher'];
/** Violations reach back this far, past the risk score's three-year window, so that the window matters. */
const VIOLATION_HISTORY_DAYS = 5 * 365;

export interface InstitutionPlan {
  count: number;
  asOf: Date;
  /** Relative weight of each district code. */
  districtWeights: ReadonlyMap<string, number>;
  streetNames: ReadonlyMap<string, string>;
}

export function generateInstitutions(
  random: Random,
  geography: Geography,
  centres: readonly ResidentialCentre[],
  hotspots: readonly Hotspot[],
  plan: InstitutionPlan,
): GeneratedInstitution[] {
  if (!(plan.count >= 0)) throw new RangeError(`institution count must be ≥ 0, got ${plan.count}`);
  const names = new Set<string>();
  const institutions: GeneratedInstitution[] = [];
  const districtCodes = [...plan.districtWeights.keys()];
  const districtWeights = districtCodes.map((code) => plan.districtWeights.get(code) ?? 0);
  const centresByDistrict = new Map<string, ResidentialCentre[]>();
  for (const centre of centres) centresByDistrict.set(centre.districtCode, [...(centresByDistrict.get(centre.districtCode) ?? []), centre]);

  // One to two unlicensed operators at most hotspots: the clues there point at them.
  const planted: { hotspot: Hotspot }[] = [];
  for (const hotspot of hotspots) {
    const n = random.chance(0.8) ? 1 + random.int(2) : 0;
    for (let k = 0; k < n && planted.length < plan.count; k++) planted.push({ hotspot });
  }

  for (let index = 0; index < plan.count; index++) {
    const id = index + 1;
    let place: PlacedPoint;
    let status: InstitutionStatus;
    if (index < planted.length) {
      const { hotspot } = planted[index];
      place = geography.placeNear(random, hotspot.districtCode, [hotspot.lon, hotspot.lat], hotspot.sigmaMetres);
      status = 'unlicensed';
    } else {
      const districtCode = districtCodes[random.weightedIndex(districtWeights)];
      const local = centresByDistrict.get(districtCode) ?? [];
      if (local.length > 0 && random.chance(0.85)) {
        const centre = local[random.weightedIndex(local.map((c) => c.weight))];
        place = geography.placeNear(random, districtCode, [centre.lon, centre.lat], centre.sigmaMetres);
      } else {
        const cells = geography.district(districtCode).cells;
        place = geography.placeInCell(random, cells[random.weightedIndex(cells.map((c) => c.areaM2))]);
      }
      status = STATUSES[random.weightedIndex(STATUS_WEIGHTS)];
    }
    const category = status === 'unlicensed' && random.chance(0.6) ? '学科类' : CATEGORIES[random.weightedIndex(CATEGORY_WEIGHTS)];
    // After 双减, academic training must be non-profit; others are mostly companies.
    const nature = category === '学科类' ? (random.chance(0.9) ? '非营利' : '营利') : random.chance(0.3) ? '非营利' : '营利';
    const district = geography.district(place.cell.districtCode);
    const streetName = plan.streetNames.get(place.cell.streetCode) ?? '';
    const name = uniqueName(random, names, () => institutionName(random, category, nature, status, district.name));
    const hasCredit = status !== 'unlicensed' || random.chance(0.45);
    const licensedOnce = status === 'licensed' || status === 'suspended' || status === 'revoked';
    const createdAt = new Date(plan.asOf.getTime() - Math.floor(random.between(120, 3650)) * DAY_MS - random.int(86_400) * 1000);
    const violations = violationHistory(random, status, category, createdAt, plan.asOf);
    // A violation is found at an inspection, so the last inspection is no earlier than the last violation.
    const lastViolation = violations.at(-1)?.occurredOn ?? null;
    const inspected = lastViolation !== null || (status === 'unlicensed' ? random.chance(0.5) : random.chance(0.9));
    const drawnInspection = new Date(Math.max(createdAt.getTime(), plan.asOf.getTime() - Math.floor(random.between(1, 540)) * DAY_MS));
    const inspectedAt = !inspected ? null : lastViolation !== null && shanghaiDate(drawnInspection) < lastViolation ? shanghaiInstant(lastViolation, 10 * 3600) : drawnInspection;
    const lastInspectedOn = inspectedAt ? shanghaiDate(inspectedAt) : null;
    institutions.push({
      id,
      name,
      creditCode: hasCredit ? generateCreditCode(random, nature === '非营利' ? 'non_profit' : 'company', district.code) : null,
      licenceNo: licensedOnce ? `教民${district.code}${random.chance(0.5) ? 7 : 8}${String(id).padStart(7, '0')}号` : null,
      category,
      nature,
      status,
      listStatus: suggestListStatus({ status, violationDates: violations.map((v) => v.occurredOn), lastInspectedOn }, plan.asOf).status,
      address: syntheticAddress(random, district.name, streetName, status === 'unlicensed' && random.chance(0.7) ? 'flat' : 'premises'),
      lon: place.lon,
      lat: place.lat,
      districtCode: district.code,
      gridCellId: place.cell.id,
      streetCode: place.cell.streetCode,
      violations,
      lastInspectedOn,
      createdAt,
      updatedAt: inspectedAt && inspectedAt > createdAt ? inspectedAt : createdAt,
    });
  }
  return institutions;
}

function institutionName(random: Random, category: InstitutionCategory, nature: string, status: InstitutionStatus, districtName: string): string {
  const brand = brandWord(random);
  const word = random.pick(CATEGORY_WORDS[category]);
  if (status === 'unlicensed') return `${brand}${random.pick(UNLICENSED_SUFFIXES)}`;
  if (nature === '非营利') return random.chance(0.5) ? `上海市${districtName}${brand}${word}培训学校` : `上海${brand}${word}培训中心`;
  return random.chance(0.6) ? `上海${brand}${word}培训有限公司` : `上海${brand}${word}教育科技有限公司`;
}

function uniqueName(random: Random, taken: Set<string>, make: () => string): string {
  for (let attempt = 0; attempt < 8; attempt++) {
    const name = make();
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  const base = make();
  for (let branch = 2; ; branch++) {
    const name = `${base}（第${branch}分部）`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

function violationCount(random: Random, status: InstitutionStatus): number {
  switch (status) {
    case 'licensed':
      return random.chance(0.82) ? 0 : 1 + random.int(2);
    case 'registered':
      return random.chance(0.75) ? 0 : 1 + random.int(3);
    case 'unlicensed':
      return 1 + random.int(5);
    case 'suspended':
      return 1 + random.int(4);
    case 'revoked':
      return 2 + random.int(5);
  }
}

/** Dated violations within the institution's life and the last five years, oldest first. */
function violationHistory(random: Random, status: InstitutionStatus, category: InstitutionCategory, createdAt: Date, asOf: Date): GeneratedViolation[] {
  const n = violationCount(random, status);
  const earliest = Math.max(createdAt.getTime(), asOf.getTime() - VIOLATION_HISTORY_DAYS * DAY_MS);
  const dates = Array.from({ length: n }, () => shanghaiDate(new Date(earliest + random.next() * (asOf.getTime() - earliest)))).sort();
  return dates.map((occurredOn) => {
    const kind: ViolationKind =
      status === 'unlicensed' && random.chance(0.7)
        ? 'unlicensed_operation'
        : category !== '学科类' && random.chance(0.35)
          ? 'academic_training'
          : random.pick(COMMON_VIOLATIONS);
    return { occurredOn, kind, description: VIOLATION_TEXT[kind] };
  });
}
