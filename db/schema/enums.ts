import { pgEnum } from 'drizzle-orm/pg-core';

export const institutionCategory = pgEnum('institution_category', ['学科类', '文化艺术', '科技', '体育', '其他']);
export const institutionNature = pgEnum('institution_nature', ['营利', '非营利']);
export const institutionStatus = pgEnum('institution_status', ['licensed', 'registered', 'unlicensed', 'suspended', 'revoked']);
export const listStatus = pgEnum('list_status', ['white', 'black', 'none']);

export const clueSource = pgEnum('clue_source', ['12345', '随手拍', 'platform', 'grid_patrol', 'media', 'transfer']);
/** 隐形变异 forms from the domain: disguised as 家政/保姆, 研学/游学, 托管, 一对一 at home, in 居民楼 flats, online. */
export const suspectedType = pgEnum('suspected_type', [
  'unlicensed', // 无证无照
  'housekeeping', // 家政/保姆 disguise
  'study_tour', // 研学/游学
  'daycare', // 托管
  'one_to_one', // 一对一 at home
  'residential_flat', // 居民楼
  'online', // 线上
  'academic_in_nonacademic', // 非学科类机构开展学科类培训
  'overcharging', // 超前收费 / 预付费
  'other',
]);
/** The clue loop (线索闭环, GB/T 30428): receive → register → dispatch → handle → feed back → verify → close. */
export const clueStatus = pgEnum('clue_status', ['received', 'registered', 'dispatched', 'handling', 'feedback', 'verified', 'closed', 'rejected']);

export const userRole = pgEnum('user_role', ['admin', 'planner', 'leader', 'wall']);
