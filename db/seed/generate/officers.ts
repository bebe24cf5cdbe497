/**
 * 执法检查人员: ~400 certified officers spread over districts (by population) and departments (education,
 * market regulation and urban management most), based at their department's office in the district;
 * a share of certificates has expired relative to asOf (持证上岗 must then exclude them).
 */
import type { Random } from '../../../server/domain/random.js';
import { personName } from './names.js';
import { DEPARTMENTS } from './departments.js';
import { METRES_PER_DEGREE_LAT } from './grid.js';
import type { Geography } from './geography.js';
import { DAY_MS, shanghaiDate } from '../../../server/domain/time.js';

export interface GeneratedOfficer {
  id: number;
  name: string;
  departmentCode: string;
  districtCode: string;
  certificateNo: string;
  /** YYYY-MM-DD. */
  certificateExpiresOn: string;
  lon: number;
  lat: number;
}

const CORE_DEPARTMENTS = ['education', 'fire_rescue', 'market_regulation', 'urban_management', 'public_security'];

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
  // The first officers give every district a certified officer of each core department of a joint team
  // (education leads; a fire-safety check needs a fire officer), so every district can field a full team.
  const coreIndexes = CORE_DEPARTMENTS.map((code) => DEPARTMENTS.findIndex((d) => d.code === code));
  // (at most half of all officers, so that a small build still has a random share with lapsed certificates).
  const covering = Math.min(Math.floor(count / 2), districts.length * coreIndexes.length);
  for (let index = 0; index < count; index++) {
    const covers = index < covering;
    const district = covers ? districts[index % districts.length] : districts[random.weightedIndex(districtWeights)];
    const departmentIndex = covers ? coreIndexes[Math.floor(index / districts.length)] : random.weightedIndex(departmentWeights);
    const department = DEPARTMENTS[departmentIndex];
    const key = `${district.code}:${department.code}`;
    const n = (sequence.get(key) ?? 0) + 1;
    sequence.set(key, n);
    const office = officeOf(district.code, department.code);
    // Certificates run for years; about one in ten has lapsed by asOf.
    const lapsed = random.chance(0.1) && !covers;
    const expiresInDays = lapsed ? -Math.floor(random.between(1, 400)) : Math.floor(random.between(20, 1800));
    officers.push({
      id: index + 1,
      name: personName(random),
      departmentCode: department.code,
      districtCode: district.code,
      certificateNo: `沪执${district.code}${String(departmentIndex + 1).padStart(2, '0')}${String(n).padStart(4, '0')}`,
      certificateExpiresOn: shanghaiDate(new Date(asOf.getTime() + expiresInDays * DAY_MS)),
      lon: office.lon,
      lat: office.lat,
    });
  }
  return officers;
}
