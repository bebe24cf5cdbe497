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
/**
 * Where a clue came from: the 12345 hotline, 随手拍 (the public page), the national platform's export, a grid
 * worker's patrol (网格巡查, also a campaign's area patrol of a grid cell), the media, a transfer from another
 * department (转办), and a campaign's check at an institution (专项检查) that found a problem.
 */
export const clueSources = ['12345', '随手拍', 'platform', 'grid_patrol', 'media', 'transfer', 'campaign'] as const;
/** The sources the desk's intake form registers; 随手拍, the platform and campaign checks come through their own channels. */
export const deskIntakeSources = ['12345', 'grid_patrol', 'media', 'transfer'] as const;
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
/** What a clue asks for, which sets its 办理时限 in working days (server/domain/clue-deadline.ts): 紧急 urgent, 咨询, 投诉. */
export const clueKinds = ['urgent', 'consultation', 'complaint'] as const;
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
 * An officer's registered relation to an institution, which makes the officer step aside from inspecting it (回避,
 * 《行政处罚法》第四十三条: 与案件有直接利害关系或者有其他关系可能影响公正执法的，应当回避): a close relative (近亲属) of
 * its investor, manager or a teacher; a financial interest (利害关系: shares, loans, the lease of its premises);
 * former employment or a side job there (曾任职、兼职); another relation that could affect impartiality (其他).
 */
export const officerRelationKinds = ['close_relative', 'financial_interest', 'former_employment', 'other'] as const;
/**
 * admin 系统管理员, planner 专项行动策划, leader 区分管领导 (district-scoped), wall 指挥中心大屏 (read-only), field 执法队员:
 * an officer of the registry (执法检查人员名录库) on the phone page, linked to that officer, scoped to the officer's
 * district; whether the officer leads a team (执法队长) is the plan's, per team and shift.
 */
export const userRoles = ['admin', 'planner', 'leader', 'wall', 'field'] as const;
/**
 * What an inspection at a stop found (检查结果): 合格 compliant, 责令整改 ordered to rectify, 立案查处 a case opened,
 * 取缔 banned (an unlicensed operation shut down), 未营业 closed at the visit, 无法进入 no entry.
 */
export const checkInResults = ['compliant', 'rectify', 'case', 'banned', 'not_open', 'no_entry'] as const;
/** What one 十查 item found at a stop: 符合 ok, 问题 an issue, 不适用 not applicable. */
export const checkFindings = ['ok', 'issue', 'na'] as const;
/** Why a running campaign day was re-planned (调整): an officer dropped out (因故缺勤), an urgent target arrived (插单). */
export const replanReasons = ['officer_out', 'urgent_target'] as const;
/**
 * The live events (实时事件) of `/api/events`, written to the outbox in the transaction of the change they announce:
 * a check-in and its co-signature, a team's arrival at a stop, a re-planned team-shift, a new clue, a clue's step, a
 * clue past its 办理时限.
 */
export const liveEventKinds = [
  'check_in.created',
  'check_in.cosigned',
  'stop.arrived',
  'team.replanned',
  'campaign.status',
  'clue.created',
  'clue.status',
  'clue.overdue',
  'clue.step',
  'clue.escalated',
] as const;
/**
 * What the audit log (执法全过程记录) records: one action per kind of write, named `<entity>.<verb>` (the demo data
 * build is `seed`), and the kind of thing each concerns.
 */
export const auditActions = [
  'seed',
  'auth.login',
  'auth.logout',
  'clue.create',
  'clue.status',
  'clue.register',
  'clue.dispatch',
  'clue.send_back',
  'clue.accept',
  'clue.extend_request',
  'clue.extend_decide',
  'clue.pause',
  'clue.resume',
  'clue.feedback',
  'clue.verify',
  'clue.close',
  'clue.reopen',
  'clue.merge',
  'clue.reject',
  'clue.import',
  'matrix.update',
  'patrol.plan',
  'campaign.create',
  'campaign.edit',
  'campaign.status',
  'campaign.draw.commit',
  'campaign.plan',
  'campaign.replan',
  'campaign.export',
  'holiday_schedule.save',
  'holiday_schedule.remove',
  'school_vacations.save',
  'field.arrive',
  'field.check_in',
  'field.cosign',
  'field.photo',
  'photo.delete',
  'campaign.replan_team',
  'campaign.publish',
  'wall_display.create',
  'wall_display.update',
  'wall_display.revoke',
  'wall_display.pair',
  'review.ranking_weights',
  'review.export',
  'layer.export',
  'layer.import',
  'list.publish',
  'gis_token.issue',
  'gis_token.revoke',
] as const;
export const auditEntities = [
  'database',
  'session',
  'clue',
  'patrol_plan',
  'campaign',
  'campaign_plan',
  'holiday_schedule',
  'school_vacations',
  'check_in',
  'photo',
  'publication',
  'wall_display',
  'ranking_weights',
  'review_briefing',
  'responsibility_matrix',
  'list_publication',
  'gis_token',
  'map_layer',
  'layer_import',
] as const;
/**
 * How a day of a campaign (专项行动) counts for tutoring and so for patrols: 上课日 school day, 周末 weekend, 法定节假日
 * official holiday, 寒暑假 school vacation, 调休上班 a weekend day worked in lieu (schools hold classes).
 */
export const campaignDayTypes = ['school_day', 'weekend', 'holiday', 'vacation_day', 'makeup_workday'] as const;
/** A day of the State Council's holiday notice: a day off (放假) or a weekend day worked in lieu (调休上班). */
export const holidayDayKinds = ['holiday', 'makeup_workday'] as const;
/** 寒假 winter and 暑假 summer vacation of 中小学 (primary and secondary schools). */
export const vacationKinds = ['winter', 'summer'] as const;
/** published: from the education bureau's 校历; provisional: an estimate until the bureau publishes it. */
export const vacationStatuses = ['published', 'provisional'] as const;

export type InstitutionCategory = (typeof institutionCategories)[number];
export type InstitutionNature = (typeof institutionNatures)[number];
export type InstitutionStatus = (typeof institutionStatuses)[number];
export type ListStatus = (typeof listStatuses)[number];
export type ClueSource = (typeof clueSources)[number];
export type DeskIntakeSource = (typeof deskIntakeSources)[number];
export type SuspectedType = (typeof suspectedTypes)[number];
export type ClueStatus = (typeof clueStatuses)[number];
export type ClueKind = (typeof clueKinds)[number];
export type ViolationKind = (typeof violationKinds)[number];
export type OfficerRelationKind = (typeof officerRelationKinds)[number];
export type UserRole = (typeof userRoles)[number];
export type CheckInResult = (typeof checkInResults)[number];
export type CheckFinding = (typeof checkFindings)[number];
export type LiveEventKind = (typeof liveEventKinds)[number];
export type AuditAction = (typeof auditActions)[number];
export type AuditEntity = (typeof auditEntities)[number];
export type CampaignDayType = (typeof campaignDayTypes)[number];
export type HolidayDayKind = (typeof holidayDayKinds)[number];
export type VacationKind = (typeof vacationKinds)[number];
export type VacationStatus = (typeof vacationStatuses)[number];
