// A labelled synthetic set of clues for measuring duplicate detection: cases (a flat, an institution) each reported
// once or several times, with the kinds of rewriting real re-reports show, and hard negatives that a looser rule
// would merge. Deterministic: the same size and seed give the same set.

import type { ClueSource, SuspectedType } from '../../domain/vocabulary.js';
import { DAY_MS } from '../../domain/time.js';
import { METRES_PER_DEGREE_LATITUDE, metresPerDegreeLongitude } from '../../domain/geodesy.js';
import { createRandom, type Random } from '../../domain/random.js';
import type { DedupClue } from './clue.js';

/** The channels a case is re-reported through (a campaign's finding is the inspectors' own record, not a re-report). */
const REPORT_CHANNELS: readonly ClueSource[] = ['12345', '随手拍', 'platform', 'grid_patrol', 'media', 'transfer'];

export interface LabelledClue extends DedupClue {
  id: number;
  source: ClueSource;
  /** The true case: clues with one label are duplicates of each other, and of no other. */
  label: number;
}

interface District {
  name: string;
  /** [west, south, east, north] */
  box: [number, number, number, number];
  streets: string[];
  roads: string[];
}

const DISTRICTS: District[] = [
  { name: '普陀区', box: [121.36, 31.23, 121.45, 31.29], streets: ['长寿路', '曹杨新村', '甘泉路', '宜川路', '万里'], roads: ['长寿路', '武宁路', '曹杨路', '兰溪路', '枣阳路', '梅川路'] },
  { name: '静安区', box: [121.43, 31.22, 121.47, 31.3], streets: ['静安寺', '江宁路', '曹家渡', '彭浦新村', '大宁路'], roads: ['江宁路', '常德路', '延平路', '共和新路', '汶水路'] },
  { name: '长宁区', box: [121.36, 31.19, 121.43, 31.23], streets: ['华阳路', '仙霞新村', '天山路', '新华路'], roads: ['天山路', '仙霞路', '茅台路', '遵义路', '定西路'] },
  { name: '徐汇区', box: [121.41, 31.14, 121.47, 31.2], streets: ['田林', '康健新村', '漕河泾', '虹梅路', '凌云路'], roads: ['田林路', '钦州路', '桂林路', '宜山路', '龙华西路'] },
  { name: '杨浦区', box: [121.5, 31.26, 121.55, 31.32], streets: ['五角场', '殷行', '控江路', '延吉新村', '长白新村'], roads: ['控江路', '国和路', '政立路', '淞沪路', '延吉中路'] },
  { name: '浦东新区', box: [121.5, 31.18, 121.6, 31.25], streets: ['花木', '洋泾', '塘桥', '潍坊新村', '金杨新村'], roads: ['浦东南路', '东方路', '张杨路', '源深路', '峨山路', '金杨路'] },
];

const NAME_FIRST = ['阳', '明', '金', '锦', '春', '华', '梅', '兰', '翠', '和', '康', '嘉', '瑞', '丽', '盛', '紫', '银', '桂', '松', '景'];
const NAME_SECOND = ['光', '珠', '桥', '绣', '晓', '山', '园', '亭', '湖', '平', '乐', '泰', '祥', '都', '苑', '云', '河', '林', '城', '庭'];
const COMPOUND_ENDINGS = ['小区', '花园', '新村', '公寓', '家园', '苑'];
const BRAND_FIRST = ['小', '大', '新', '金', '优', '乐', '博', '启', '智', '星', '青', '书', '慧', '育', '童'];
const BRAND_SECOND = ['桔灯', '思维', '航', '雅轩', '学苑', '苗', '火', '香阁', '思', '才', '睿', '趣', '知', '翼', '朗'];

const FLAT_TYPES: SuspectedType[] = ['residential_flat', 'one_to_one', 'daycare', 'housekeeping'];
const INSTITUTION_TYPES: SuspectedType[] = ['academic_in_nonacademic', 'unlicensed', 'overcharging', 'study_tour'];

const ACTIVITY: Record<string, string[]> = {
  residential_flat: ['在居民楼内开办补习班', '租用民房开设数学英语补习班', '在家中办班给小学生补课'],
  one_to_one: ['在家中开展一对一学科辅导', '上门一对一补习初中数学', '在家给学生一对一补课'],
  daycare: ['以托管名义开展学科培训', '午托班里给学生上语文数学课', '晚托时间集中讲授学科内容'],
  housekeeping: ['以家政服务名义上门补课', '以保姆名义住家辅导学科', '通过家政平台招揽一对一家教'],
  academic_in_nonacademic: ['以艺术培训名义开展数学补习', '挂着美术班招牌教英语语法', '以编程课名义讲授奥数'],
  unlicensed: ['无证无照开展学科培训', '未取得办学许可证招生上课', '没有营业执照私自办班'],
  overcharging: ['一次性预收一年学费', '收取超过三个月的课时费', '要求家长预付大额课程费用'],
  study_tour: ['以研学营名义组织学科培训', '以游学名义集中补课', '周末研学活动实为数学课'],
};
const DETAIL = ['周末学生进出频繁', '每天晚上都有十几个孩子', '学生约10人', '噪音扰民', '家长在楼下接送', '已经持续一个多月', '寒假期间天天上课'];

const CHINESE = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];

interface Flat {
  district: District;
  street: string;
  road: string;
  compound: string;
  ending: string;
  building: number;
  unit: number;
  room: number;
  lon: number;
  lat: number;
}

interface Institution {
  id: number;
  district: District;
  road: string;
  number: number;
  floor: number;
  brand: string;
  lon: number;
  lat: number;
}

function offset(lon: number, lat: number, east: number, north: number): [number, number] {
  return [lon + east / metresPerDegreeLongitude(lat), lat + north / METRES_PER_DEGREE_LATITUDE];
}

function flatAddress(random: Random, f: Flat, terse: boolean): string {
  const prefix = terse ? random.pick(['', f.road]) : random.pick([`${f.district.name}${f.street}街道`, `${f.street}街道`, f.road, '', `${f.district.name}`]);
  const compound = `${f.compound}${f.ending}`;
  const unit = random.chance(0.3) ? `${f.unit}单元` : '';
  const style = random.int(6);
  const b = f.building;
  const r = f.room;
  switch (style) {
    case 0:
      return `${prefix}${compound}${b}号楼${unit}${r}室`;
    case 1:
      return `${prefix}${compound}${b}栋${unit}${r}`;
    case 2:
      return `${prefix}${compound}${b}幢${unit}${r}室`;
    case 3:
      return `${prefix}${compound}${CHINESE[b] ?? b}号楼${unit}${r}`;
    case 4:
      return `${prefix}${compound}${b}-${r}`;
    default:
      return `${prefix}${compound}${b}#${unit}${r}`;
  }
}

function brandVariant(random: Random, brand: string): string {
  return random.pick([`${brand}教育`, `${brand}培训中心`, `“${brand}”`, `上海${brand}教育科技有限公司`, `${brand}工作室`, `一家叫${brand}的机构`]);
}

function flatText(random: Random, source: ClueSource, f: Flat, category: SuspectedType): string {
  const activity = random.pick(ACTIVITY[category]);
  const detail = random.pick(DETAIL);
  switch (source) {
    case '12345':
      return `市民来电反映：${flatAddress(random, f, false)}有人${activity}，${detail}，请相关部门核查。`;
    case '随手拍':
      return `${flatAddress(random, f, true)} ${random.pick(['疑似补课', '天天有学生进出，疑似在家补课', '有人办补习班'])}`;
    case 'grid_patrol':
      return `网格员巡查发现${flatAddress(random, f, false)}${activity}。`;
    case 'media':
      return `据媒体报道，${flatAddress(random, f, false)}${activity}，${detail}。`;
    case 'transfer':
      return `区教育局转办：群众举报${flatAddress(random, f, false)}${activity}。`;
    default:
      return `举报${flatAddress(random, f, false)}${activity}，${detail}。`;
  }
}

function institutionText(random: Random, source: ClueSource, inst: Institution, category: SuspectedType): string {
  const activity = random.pick(ACTIVITY[category]);
  const place = random.pick([`${inst.road}${inst.number}号`, `${inst.district.name}${inst.road}${inst.number}号${inst.floor}楼`, `${inst.road}${inst.number}号${inst.floor}楼`]);
  const name = brandVariant(random, inst.brand);
  switch (source) {
    case '12345':
      return `市民来电反映：${place}的${name}${activity}，请相关部门核查。`;
    case '随手拍':
      return `${place} ${name} ${random.pick(['疑似违规培训', '门口贴着招生广告', '在上学科课'])}`;
    case 'grid_patrol':
      return `网格员巡查发现${name}在${place}${activity}。`;
    case 'media':
      return `据媒体报道，位于${place}的${name}${activity}。`;
    case 'transfer':
      return `区市场监管局转办：${name}（${place}）${activity}。`;
    default:
      return `举报${name}在${place}${activity}。`;
  }
}

export interface LabelledSetOptions {
  size: number;
  seed: number;
  /** Days the reports are spread over. */
  spanDays?: number;
  /** When day 0 is. */
  startMs?: number;
}

/** Share of cases reported more than once, and how much later a re-report comes at most (inside the default window). */
const DUPLICATED_SHARE = 0.45;
const MAX_REREPORT_DAYS = 25;

export function labelledClueSet(options: LabelledSetOptions): LabelledClue[] {
  const { size, seed } = options;
  const spanDays = options.spanDays ?? 365;
  const startMs = options.startMs ?? Date.UTC(2025, 0, 1);
  const random = createRandom(seed).fork('clue-dedup-labelled-set');
  const clues: LabelledClue[] = [];
  const flats: { flat: Flat; day: number }[] = [];
  const institutions: { inst: Institution; day: number }[] = [];
  let label = 0;
  let institutionIds = 0;

  // Every case is a place of its own: a hard negative drawn next to a hard negative must not land on an earlier case.
  const usedFlats = new Set<string>();
  const usedBrands = new Set<string>();
  // A building whose rooms are all taken has no room left for another case: after a few draws, a fresh place.
  const unique = <T>(draw: () => T, fresh: () => T, key: (t: T) => string, used: Set<string>): T => {
    for (let attempt = 0; ; attempt++) {
      const t = attempt < 8 ? draw() : fresh();
      if (!used.has(key(t))) {
        used.add(key(t));
        return t;
      }
    }
  };
  const flatKey = (f: Flat) => `${f.district.name}|${f.compound}|${f.building}|${f.room}`;
  const brandKey = (i: Institution) => `${i.district.name}|${i.road}|${i.brand}`;
  const drawFlat = (near?: Flat, kind?: 'room' | 'building' | 'neighbour'): Flat => {
    if (near && kind) {
      if (kind === 'room') {
        let room = near.room;
        while (room === near.room) room = (1 + random.int(6)) * 100 + 1 + random.int(4);
        return { ...near, room };
      }
      if (kind === 'building') {
        let building = near.building;
        while (building === near.building) building = 1 + random.int(20);
        const [lon, lat] = offset(near.lon, near.lat, random.between(-50, 50), random.between(-50, 50));
        return { ...near, building, room: (1 + random.int(6)) * 100 + 1 + random.int(4), lon, lat };
      }
      // Another compound next door, the same kind of address.
      const [lon, lat] = offset(near.lon, near.lat, random.between(-70, 70), random.between(-70, 70));
      let compound = near.compound;
      while (compound === near.compound) compound = random.pick(NAME_FIRST) + random.pick(NAME_SECOND);
      return { ...near, compound, lon, lat };
    }
    const district = random.pick(DISTRICTS);
    const [w, s, e, n] = district.box;
    return {
      district,
      street: random.pick(district.streets),
      road: random.pick(district.roads),
      compound: random.pick(NAME_FIRST) + random.pick(NAME_SECOND),
      ending: random.pick(COMPOUND_ENDINGS),
      building: 1 + random.int(20),
      unit: 1 + random.int(4),
      room: (1 + random.int(6)) * 100 + 1 + random.int(4),
      lon: random.between(w, e),
      lat: random.between(s, n),
    };
  };
  const newFlat = (near?: Flat, kind?: 'room' | 'building' | 'neighbour') => unique(() => drawFlat(near, kind), () => drawFlat(), flatKey, usedFlats);
  const drawInstitution = (near?: Institution): Institution => {
    if (near) {
      const [lon, lat] = offset(near.lon, near.lat, random.between(-60, 60), random.between(-60, 60));
      let brand = near.brand;
      while (brand === near.brand) brand = random.pick(BRAND_FIRST) + random.pick(BRAND_SECOND);
      return { ...near, brand, number: near.number + 2 * (1 + random.int(3)), lon, lat };
    }
    const district = random.pick(DISTRICTS);
    const [w, s, e, n] = district.box;
    return {
      id: 0,
      district,
      road: random.pick(district.roads),
      number: 1 + random.int(1200),
      floor: 1 + random.int(5),
      brand: random.pick(BRAND_FIRST) + random.pick(BRAND_SECOND),
      lon: random.between(w, e),
      lat: random.between(s, n),
    };
  };

  const newInstitution = (near?: Institution) => ({ ...unique(() => drawInstitution(near), () => drawInstitution(), brandKey, usedBrands), id: ++institutionIds });

  const report = (lon: number, lat: number, day: number, text: string, category: SuspectedType, source: ClueSource, institutionId?: number) => {
    // GPS jitter of a phone (5–60 m) or the geocoder's offset of a typed address.
    const distance = random.between(5, 60);
    const angle = random.between(0, 2 * Math.PI);
    const [jLon, jLat] = offset(lon, lat, distance * Math.cos(angle), distance * Math.sin(angle));
    const at = startMs + day * DAY_MS + random.int(14 * 3600) * 1000 + 8 * 3600 * 1000;
    clues.push({
      id: clues.length + 1,
      lon: jLon,
      lat: jLat,
      reportedAtMs: at,
      category,
      text,
      source,
      label,
      ...(institutionId === undefined ? {} : { institutionId }),
    });
  };

  while (clues.length < size) {
    label++;
    const copies = random.chance(DUPLICATED_SHARE) ? 2 + random.int(3) : 1;
    const day = random.int(spanDays);
    const isFlat = random.chance(0.6);
    // A hard negative: a new case next to an earlier one of the same month, told apart only by its details.
    const hard = random.chance(0.35);
    if (isFlat) {
      const earlier = hard && flats.length > 0 ? flats[flats.length - 1 - random.int(Math.min(20, flats.length))] : undefined;
      const flat = earlier ? newFlat(earlier.flat, random.pick(['room', 'room', 'building', 'neighbour'] as const)) : newFlat();
      const caseDay = earlier ? Math.min(spanDays - 1, earlier.day + random.int(10)) : day;
      flats.push({ flat, day: caseDay });
      const category = random.pick(FLAT_TYPES);
      for (let c = 0; c < copies && clues.length < size; c++) {
        const source = random.pick(REPORT_CHANNELS);
        const reported = random.chance(0.8) ? category : random.pick(FLAT_TYPES);
        report(flat.lon, flat.lat, caseDay + (c === 0 ? 0 : random.int(MAX_REREPORT_DAYS)), flatText(random, source, flat, reported), reported, source);
      }
    } else {
      const earlier = hard && institutions.length > 0 ? institutions[institutions.length - 1 - random.int(Math.min(20, institutions.length))] : undefined;
      const inst = newInstitution(earlier?.inst);
      const caseDay = earlier ? Math.min(spanDays - 1, earlier.day + random.int(10)) : day;
      institutions.push({ inst, day: caseDay });
      const category = random.pick(INSTITUTION_TYPES);
      for (let c = 0; c < copies && clues.length < size; c++) {
        const source = random.pick(REPORT_CHANNELS);
        const reported = random.chance(0.8) ? category : random.pick(INSTITUTION_TYPES);
        // The registry match (institutionId) is made on some clues only: those an operator linked.
        report(inst.lon, inst.lat, caseDay + (c === 0 ? 0 : random.int(MAX_REREPORT_DAYS)), institutionText(random, source, inst, reported), reported, source, random.chance(0.4) ? inst.id : undefined);
      }
    }
  }
  return clues;
}
