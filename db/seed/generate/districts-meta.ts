import { shanghaiDistrict, type DistrictName } from '../../../server/domain/districts.js';

/**
 * Shanghai's 16 districts (GB/T 2260) with what the demo data build needs beside their borders and names
 * (server/domain/districts.ts): whether they are 中心城区 (central urban districts, finer grid cells), resident
 * population from the 2020 census (第七次全国人口普查), and an approximate WGS84 point at the district
 * government (used as the base of officers).
 *
 * Population: 上海市第七次全国人口普查主要数据公报（第二号）, 上海市统计局 2021-05-18, 常住人口 by district.
 * They serve only as relative weights for generated institutions and clues.
 */
export interface DistrictMeta extends DistrictName {
  central: boolean;
  population2020: number;
  /** [lon, lat] WGS84, approximate location of the district government (区政府). */
  office: [number, number];
}

function district(code: string, central: boolean, population2020: number, office: [number, number]): DistrictMeta {
  const names = shanghaiDistrict(code);
  if (!names) throw new Error(`${code} is not a Shanghai district code`);
  return { ...names, central, population2020, office };
}

export const SHANGHAI_DISTRICTS: readonly DistrictMeta[] = [
  district('310101', true, 662_030, [121.4848, 31.2317]),
  district('310104', true, 1_113_078, [121.4365, 31.1885]),
  district('310105', true, 693_051, [121.4242, 31.2206]),
  district('310106', true, 975_707, [121.448, 31.2286]),
  district('310107', true, 1_239_842, [121.397, 31.2494]),
  district('310109', true, 757_498, [121.5053, 31.2646]),
  district('310110', true, 1_242_548, [121.5259, 31.2595]),
  district('310112', false, 2_653_489, [121.3817, 31.1125]),
  district('310113', false, 2_235_218, [121.489, 31.4045]),
  district('310114', false, 1_834_258, [121.2655, 31.375]),
  district('310115', false, 5_681_512, [121.5447, 31.2213]),
  district('310116', false, 822_776, [121.342, 30.7419]),
  district('310117', false, 1_909_707, [121.2277, 31.0322]),
  district('310118', false, 1_271_381, [121.1244, 31.1505]),
  district('310120', false, 1_140_872, [121.4581, 30.9181]),
  district('310151', false, 637_921, [121.3975, 31.6229]),
];
