/** Plausible, invented Chinese names of people, brands and roads for the synthetic records. */
import type { Random } from '../../../server/domain/random.js';

// The most common surnames, roughly in order of frequency; earlier ones are drawn more often.
const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡',
  '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金',
  '石', '廖', '贾', '夏', '韦', '付', '方', '白', '邹', '孟', '熊', '秦', '邱', '江', '尹', '薛', '闫', '段', '雷', '侯',
  '龙', '史', '陶', '黎', '贺', '顾', '毛', '郝', '龚', '邵', '万', '钱', '严', '覃', '武', '戴', '莫', '孔', '向', '汤',
];
const SURNAME_WEIGHTS = SURNAMES.map((_, i) => 1 / (i + 8));

const GIVEN_CHARS = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平',
  '刚', '桂', '英', '华', '玉', '文', '辉', '建', '亮', '燕', '颖', '晨', '婷', '宇', '浩', '凯', '佳', '欣', '俊', '峰',
  '琳', '雪', '晓', '东', '海', '红', '鹏', '飞', '林', '慧', '斌', '倩', '思', '嘉', '雯', '睿', '博', '志', '诚', '瑶',
  '冬', '春', '彬', '蕾', '莉', '蓉', '卫', '昊', '晖', '悦', '怡', '琪', '益', '铭', '泽', '萍', '骏', '逸', '翔', '琦',
];

export function personName(random: Random): string {
  const surname = SURNAMES[random.weightedIndex(SURNAME_WEIGHTS)];
  const given = random.chance(0.35) ? random.pick(GIVEN_CHARS) : random.pick(GIVEN_CHARS) + random.pick(GIVEN_CHARS);
  return surname + given;
}

// Two-character brand words typical of training centres' trade names.
const BRAND_WORDS = [
  '启明', '博雅', '思睿', '乐学', '童梦', '育英', '明德', '知行', '晨光', '优才', '精英', '卓越', '新思维', '智慧树', '小天才',
  '星火', '蓝天', '未来', '阳光', '彩虹', '书香', '墨韵', '琴韵', '舞之灵', '悦动', '跃龙', '金话筒', '小牛顿', '创客', '乐高',
  '立思', '英睿', '学而思远', '长风', '博学', '弘毅', '致远', '格致', '求真', '天天向上', '青苗', '禾苗', '小树苗', '雏鹰', '启航',
  '远航', '梦想家', '朗朗', '小海豚', '优贝', '艺馨', '艺林', '美育', '墨香', '棋乐', '弈林', '飞扬', '健体', '少体', '蓝鲸',
];

export function brandWord(random: Random): string {
  return random.pick(BRAND_WORDS);
}

// Road name stems: invented combinations in the style of Shanghai's place-name roads.
const ROAD_FIRST = ['长', '新', '东', '西', '南', '北', '中', '永', '华', '兴', '安', '宁', '和', '平', '康', '福', '金', '银', '春', '秋', '云', '青', '丰', '泰'];
const ROAD_SECOND = ['乐', '华', '兴', '安', '宁', '和', '平', '康', '阳', '泉', '林', '桥', '江', '河', '湖', '山', '城', '德', '顺', '昌', '盛', '福', '民', '海'];
const ROAD_SUFFIX = ['路', '路', '路', '路', '街', '大道', '支路'];

export function roadName(random: Random): string {
  return random.pick(ROAD_FIRST) + random.pick(ROAD_SECOND) + random.pick(ROAD_SUFFIX);
}
