/**
 * 执法检查人员名录库: certified officers spread over districts (by population) and departments (education, market
 * regulation and urban management most), based at their department's office in the district, living in a 街镇 of
 * it; a few registered relations to institutions (利害关系, for 回避). Certificates: every tenth officer beyond the
 * covering ones has lapsed by asOf and every tenth expires within 30 days after it, so that 持证上岗 has officers to
 * leave out today and in a campaign a few weeks ahead, whatever the seed.
 */
import type { Random } from '../../../server/domain/random.js';
import type { OfficerRelationKind } from '../../../server/domain/vocabulary.js';
import { personName } from './names.js';
import { DEPARTMENTS } from './departments.js';
import { METRES_PER_DEGREE_LAT } from './grid.js';
import type { Geography } from './geography.js';
import { addDays, DAY_MS, shanghaiDate } from '../../../server/domain/time.js';

export interface GeneratedOfficer {
  id: number;
  name: string;
  departmentCode: string;
  districtCode: string;
  /** The 街镇 the officer lives in, in the district. */
  homeStreetCode: string;
  certificateNo: string;
  /** YYYY-MM-DD. */
  certificateExpiresOn: string;
  lon: number;
  lat: number;
}

/**
 * What every district has whatever the count allows: two education officers (a joint team is led by education, and
 * two can lead two teams or stand in for each other) and one of each department a joint team's mix may call for
 * (server/planning/department-mix.ts), all certified for at least 30 days after asOf.
 */
export const COVERING_DEPARTMENTS = [
  'education',
  'education',
  'market_regulation',
  'fire_rescue',
  'urban_management',
  'public_security',
  'culture_tourism',
  'sports',
  'science',
] as const;

/** Certificates of the officers beyond the covering ones, by their position in that list. */
function certificateDays(random: Random, covers: boolean, k: number): number {
  if (covers) return Math.floor(random.between(30, 1800));
  if (k % 10 === 0) return -Math.floor(random.between(1, 400));
  if (k % 10 === 5) return Math.floor(random.between(1, 31));
  return Math.floor(random.between(31, 1800));
}

export function generateOfficers(random: Random, geography: Geography, count: number, asOf: Date): GeneratedOfficer[] {
  if (!(count >= 0)) throw new RangeError(`officer count must be ≥ 0, got ${count}`);
  const districts = geography.districts;
  // Every district has a team; bigger districts have more officers, less than proportionally.
  const districtWeights = districts.map((d) => Math.pow(d.population, 0.6));
  const departmentWeights = DEPARTMENTS.map((d) => d.officerShare);
  const offices = new Map<string, { lon: number; lat: number }>();
  const officeOf = (districtCode: string, departmentCode: string) => {
    const key = `${districtCode}:${departmentCode}`;
    let office = offices.get(key);
    if (!office) {
      const district = geography.district(districtCode);
      // Departments sit within a few kilometres of the district government.
      const spread = random.between(300, district.central ? 1500 : 3000);
      const angle = random.between(0, 2 * Math.PI);
      const cosLat = Math.cos((district.office[1] * Math.PI) / 180);
      const centre: [number, number] = [
        district.office[0] + (Math.cos(angle) * spread) / (METRES_PER_DEGREE_LAT * cosLat),
        district.office[1] + (Math.sin(angle) * spread) / METRES_PER_DEGREE_LAT,
      ];
      const placed = geography.placeNear(random, districtCode, centre, 80);
      office = { lon: placed.lon, lat: placed.lat };
      offices.set(key, office);
    }
    return office;
  };
  const sequence = new Map<string, number>();
  const officers: GeneratedOfficer[] = [];
  // (at most four in five officers cover, so that a small build still has a share with lapsed certificates).
  const covering = Math.min(Math.floor(count * 0.8), districts.length * COVERING_DEPARTMENTS.length);
  for (let index = 0; index < count; index++) {
    const covers = index < covering;
    const district = covers ? districts[index % districts.length] : districts[random.weightedIndex(districtWeights)];
    const departmentIndex = covers
      ? DEPARTMENTS.findIndex((d) => d.code === COVERING_DEPARTMENTS[Math.floor(index / districts.length)])
      : random.weightedIndex(departmentWeights);
    const department = DEPARTMENTS[departmentIndex];
    const key = `${district.code}:${department.code}`;
    const n = (sequence.get(key) ?? 0) + 1;
    sequence.set(key, n);
    const office = officeOf(district.code, department.code);
    const expiresInDays = certificateDays(random, covers, index - covering);
    officers.push({
      id: index + 1,
      name: personName(random),
      departmentCode: department.code,
      districtCode: district.code,
      // Where people live follows where the cells are: a street with more cells houses more officers.
      homeStreetCode: random.pick(district.cells).streetCode,
      certificateNo: `沪执${district.code}${String(departmentIndex + 1).padStart(2, '0')}${String(n).padStart(4, '0')}`,
      certificateExpiresOn: shanghaiDate(new Date(asOf.getTime() + expiresInDays * DAY_MS)),
      lon: office.lon,
      lat: office.lat,
    });
  }
  return officers;
}

export interface GeneratedOfficerRelation {
  id: number;
  officerId: number;
  institutionId: number;
  kind: OfficerRelationKind;
  note: string;
  /** YYYY-MM-DD. */
  registeredOn: string;
}

/** The institutions a relation may name: only id, district and street are read. */
export interface RelatableInstitution {
  id: number;
  districtCode: string;
  streetCode: string;
}

const RELATION_KINDS: readonly OfficerRelationKind[] = ['close_relative', 'financial_interest', 'former_employment', 'other'];
const RELATION_WEIGHTS = [0.45, 0.2, 0.25, 0.1];
const RELATION_NOTES: Record<OfficerRelationKind, string[]> = {
  close_relative: ['配偶在该机构任教', '子女在该机构任职', '兄弟姐妹系该机构举办者'],
  financial_interest: ['本人出租房屋给该机构作培训场所', '近亲属持有该机构股份'],
  former_employment: ['入职前曾在该机构任职', '曾在该机构兼职授课'],
  other: ['与该机构负责人系同学关系，主动申报'],
};

/**
 * Registered relations (利害关系登记): the first officer of each district (an education officer who leads teams)
 * has one, so that every district's draw meets 回避, and about one officer in twenty more; each names an institution
 * of the officer's district, of the home street when it has one (people know the providers near where they live),
 * declared within the three years before asOf.
 */
export function generateOfficerRelations(
  random: Random,
  officers: readonly GeneratedOfficer[],
  institutions: readonly RelatableInstitution[],
  asOf: Date,
): GeneratedOfficerRelation[] {
  const byDistrict = new Map<string, RelatableInstitution[]>();
  for (const institution of institutions) byDistrict.set(institution.districtCode, [...(byDistrict.get(institution.districtCode) ?? []), institution]);
  const districtsSeen = new Set<string>();
  const relations: GeneratedOfficerRelation[] = [];
  for (const officer of officers) {
    const first = !districtsSeen.has(officer.districtCode);
    districtsSeen.add(officer.districtCode);
    if (!first && !random.chance(0.05)) continue;
    const inDistrict = byDistrict.get(officer.districtCode) ?? [];
    const nearHome = inDistrict.filter((i) => i.streetCode === officer.homeStreetCode);
    const choices = nearHome.length > 0 ? nearHome : inDistrict;
    if (choices.length === 0) continue;
    const kind = RELATION_KINDS[random.weightedIndex(RELATION_WEIGHTS)];
    relations.push({
      id: relations.length + 1,
      officerId: officer.id,
      institutionId: random.pick(choices).id,
      kind,
      note: random.pick(RELATION_NOTES[kind]),
      registeredOn: addDays(shanghaiDate(asOf), -Math.floor(random.between(0, 3 * 365))),
    });
  }
  return relations;
}
