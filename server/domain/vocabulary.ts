// The product's value lists, one definition each: the database enums (db/schema/enums.ts), the API contract and the
// web app's labels are built from these.

/** 学科类 academic; 非学科类: 文化艺术 arts, 科技 science/tech, 体育 sports, 其他 others. */
export const institutionCategories = ['学科类', '文化艺术', '科技', '体育', '其他'] as const;
export const institutionNatures = ['营利', '非营利'] as const;
/**
 * licensed 持证 (办学许可证 and 营业执照), registered 已登记 (a non-academic provider registered and filed as the
 * rules require), unlicensed 无证无照, suspended 停业整顿 (ordered to stop and rectify), revoked 已吊销.
 */
export const institutionStatuses = ['licensed', 'registered', 'unlicensed', 'suspended', 'revoked'] as const;
/** 黑白名单 as published (一月一公布); none = on neither list. */
export const listStatuses = ['white', 'black', 'none'] as const;
export const clueSources = ['12345', '随手拍', 'platform', 'grid_patrol', 'media', 'transfer'] as const;
/** 隐形变异 forms from the domain: disguised as 家政/保姆, 研学/游学, 托管, 一对一 at home, in 居民楼 flats, online. */
export const suspectedTypes = [
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
] as const;
/** The clue loop (线索闭环, GB/T 30428): receive → register → dispatch → handle → feed back → verify → close. */
export const clueStatuses = ['received', 'registered', 'dispatched', 'handling', 'feedback', 'verified', 'closed', 'rejected'] as const;
/** What an inspection found and recorded against an institution (违规记录), after the look-back plan's 十查. */
export const violationKinds = [
  'unlicensed_operation', // 无证办学
  'academic_training', // 违规开展学科类培训
  'false_advertising', // 违法广告
  'overcharging', // 超前收费、违规收费
  'moonlighting_teacher', // 在职教师兼职
  'unfiled_course', // 课程未备案
  'disclosure', // 信息公开不到位
  'safety', // 安全、消防隐患
] as const;
/**
 * The look-back plan's 十查, the items a joint team checks on site: 安全管理 safety and fire, 平台录入 on the national
 * platform, 信息公开 timetable / teachers / fees posted, 联合执法台账 the joint team's ledger, 证照办理 licences,
 * 备案审核 course filing, 制度建设 rules for fees, refunds and placement, 无证办学 unlicensed, 违法广告 advertising,
 * 在职教师兼职 serving teachers moonlighting.
 */
export const tenChecks = [
  'safety',
  'platform',
  'disclosure',
  'joint_ledger',
  'licences',
  'course_filing',
  'rules',
  'unlicensed',
  'advertising',
  'moonlighting',
] as const;
/** 专项行动 kinds: 寒假 / 暑假 / 法定节假日 / 周末 pushes, the 回头看 look-back, a 双随机 draw, any other 专项检查. */
export const campaignTypes = ['winter_vacation', 'summer_vacation', 'holiday', 'weekend', 'look_back', 'double_random', 'special'] as const;
export const userRoles = ['admin', 'planner', 'leader', 'wall'] as const;
/**
 * What the audit log (执法全过程记录) records: one action per kind of write, named `<entity>.<verb>` (the demo data
 * build is `seed`), and the kind of thing each concerns.
 */
export const auditActions = ['seed', 'auth.login', 'auth.logout', 'clue.create', 'clue.status', 'patrol.plan'] as const;
export const auditEntities = ['database', 'session', 'clue', 'patrol_plan'] as const;

export type InstitutionCategory = (typeof institutionCategories)[number];
export type InstitutionNature = (typeof institutionNatures)[number];
export type InstitutionStatus = (typeof institutionStatuses)[number];
export type ListStatus = (typeof listStatuses)[number];
export type ClueSource = (typeof clueSources)[number];
export type SuspectedType = (typeof suspectedTypes)[number];
export type ClueStatus = (typeof clueStatuses)[number];
export type ViolationKind = (typeof violationKinds)[number];
export type TenCheck = (typeof tenChecks)[number];
export type CampaignType = (typeof campaignTypes)[number];
export type UserRole = (typeof userRoles)[number];
export type AuditAction = (typeof auditActions)[number];
export type AuditEntity = (typeof auditEntities)[number];
