/**
 * Shanghai's 16 districts (区) by GB/T 2260 code, with their Chinese and English names. The demo data build takes the
 * names from here, and the web app names a district it may not load (a shared link to another district, for a user
 * scoped to their own) from here too, so both say the same.
 */
export interface DistrictName {
  code: string;
  name: string;
  nameEn: string;
}

export const SHANGHAI_DISTRICT_NAMES: readonly DistrictName[] = [
  { code: '310101', name: '黄浦区', nameEn: 'Huangpu' },
  { code: '310104', name: '徐汇区', nameEn: 'Xuhui' },
  { code: '310105', name: '长宁区', nameEn: 'Changning' },
  { code: '310106', name: '静安区', nameEn: "Jing'an" },
  { code: '310107', name: '普陀区', nameEn: 'Putuo' },
  { code: '310109', name: '虹口区', nameEn: 'Hongkou' },
  { code: '310110', name: '杨浦区', nameEn: 'Yangpu' },
  { code: '310112', name: '闵行区', nameEn: 'Minhang' },
  { code: '310113', name: '宝山区', nameEn: 'Baoshan' },
  { code: '310114', name: '嘉定区', nameEn: 'Jiading' },
  { code: '310115', name: '浦东新区', nameEn: 'Pudong New Area' },
  { code: '310116', name: '金山区', nameEn: 'Jinshan' },
  { code: '310117', name: '松江区', nameEn: 'Songjiang' },
  { code: '310118', name: '青浦区', nameEn: 'Qingpu' },
  { code: '310120', name: '奉贤区', nameEn: 'Fengxian' },
  { code: '310151', name: '崇明区', nameEn: 'Chongming' },
];

const byCode = new Map(SHANGHAI_DISTRICT_NAMES.map((d) => [d.code, d]));

/** The names of a Shanghai district, or undefined for a code that is not one. */
export function shanghaiDistrict(code: string): DistrictName | undefined {
  return byCode.get(code);
}
