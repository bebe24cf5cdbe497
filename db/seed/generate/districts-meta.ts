/**
 * Shanghai's 16 districts (GB/T 2260) with what the demo data build needs beside their borders:
 * English names, whether they are 中心城区 (central urban districts, finer grid cells), resident
 * population from the 2020 census (第七次全国人口普查), and an approximate WGS84 point at the district
 * government (used as the base of officers).
 *
 * Population: 上海市第七次全国人口普查主要数据公报（第二号）, 上海市统计局 2021-05-18, 常住人口 by district.
 * They serve only as relative weights for generated institutions and clues.
 */
export interface DistrictMeta {
  code: string;
  name: string;
  nameEn: string;
  central: boolean;
  population2020: number;
  /** [lon, lat] WGS84, approximate location of the district government (区政府). */
  office: [number, number];
}

export const SHANGHAI_DISTRICTS: readonly DistrictMeta[] = [
  { code: '310101', name: '黄浦区', nameEn: 'Huangpu', central: true, population2020: 662_030, office: [121.4848, 31.2317] },
  { code: '310104', name: '徐汇区', nameEn: 'Xuhui', central: true, population2020: 1_113_078, office: [121.4365, 31.1885] },
  { code: '310105', name: '长宁区', nameEn: 'Changning', central: true, population2020: 693_051, office: [121.4242, 31.2206] },
  { code: '310106', name: '静安区', nameEn: "Jing'an", central: true, population2020: 975_707, office: [121.448, 31.2286] },
  { code: '310107', name: '普陀区', nameEn: 'Putuo', central: true, population2020: 1_239_842, office: [121.397, 31.2494] },
  { code: '310109', name: '虹口区', nameEn: 'Hongkou', central: true, population2020: 757_498, office: [121.5053, 31.2646] },
  { code: '310110', name: '杨浦区', nameEn: 'Yangpu', central: true, population2020: 1_242_548, office: [121.5259, 31.2595] },
  { code: '310112', name: '闵行区', nameEn: 'Minhang', central: false, population2020: 2_653_489, office: [121.3817, 31.1125] },
  { code: '310113', name: '宝山区', nameEn: 'Baoshan', central: false, population2020: 2_235_218, office: [121.489, 31.4045] },
  { code: '310114', name: '嘉定区', nameEn: 'Jiading', central: false, population2020: 1_834_258, office: [121.2655, 31.375] },
  { code: '310115', name: '浦东新区', nameEn: 'Pudong New Area', central: false, population2020: 5_681_512, office: [121.5447, 31.2213] },
  { code: '310116', name: '金山区', nameEn: 'Jinshan', central: false, population2020: 822_776, office: [121.342, 30.7419] },
  { code: '310117', name: '松江区', nameEn: 'Songjiang', central: false, population2020: 1_909_707, office: [121.2277, 31.0322] },
  { code: '310118', name: '青浦区', nameEn: 'Qingpu', central: false, population2020: 1_271_381, office: [121.1244, 31.1505] },
  { code: '310120', name: '奉贤区', nameEn: 'Fengxian', central: false, population2020: 1_140_872, office: [121.4581, 30.9181] },
  { code: '310151', name: '崇明区', nameEn: 'Chongming', central: false, population2020: 637_921, office: [121.3975, 31.6229] },
];
