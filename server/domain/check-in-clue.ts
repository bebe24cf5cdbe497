// A confirmed check-in that finds a problem becomes a clue of the clue loop (docs/field.md#flow-back): whether it
// does, through which source, of what suspected type and kind, at which point and in which words. Pure: the flow-back
// service reads the rows and writes the clue.
import type { CheckItem } from './campaign.js';
import { VIOLATION_OF_ITEM, type Finding } from './check-in.js';
import type { LonLat } from './geodesy.js';
import { NON_COMPLIANT_RESULTS } from './list-status.js';
import type { CheckInResult, ClueKind, ClueSource, InstitutionStatus, SuspectedType } from './vocabulary.js';

export type CheckInTargetKind = 'institution' | 'gridCell';

/**
 * A problem the loop has to follow up: the result ordered a rectification, opened a case or banned the operation, or
 * a 十查 item that is a violation was found at issue. Management findings alone (platform entry, the joint mechanism,
 * licences, internal rules) go to the campaign's report, not the loop.
 */
export function findsProblem(p: { result: CheckInResult; findings: readonly Finding[] }): boolean {
  return NON_COMPLIANT_RESULTS.has(p.result) || p.findings.some((f) => f.finding === 'issue' && VIOLATION_OF_ITEM[f.item] !== undefined);
}

/**
 * A campaign's check at an institution is 专项检查 (`campaign`); an area patrol of a grid cell is the grid's own
 * patrol (网格巡查, `grid_patrol`), whoever walked it, so the cell's patrol record reads the same in and out of campaigns.
 */
export const clueSourceOfTarget = (kind: CheckInTargetKind): ClueSource => (kind === 'institution' ? 'campaign' : 'grid_patrol');

/**
 * Unlicensed (无证无照) when the 无证办学 item was found at issue, or a case or a ban hit an institution without a
 * licence; anything else is left to the desk to classify (其他), since the other items do not name a disguise.
 */
export function suspectedTypeOfCheckIn(p: { result: CheckInResult; findings: readonly Finding[]; institutionStatus: InstitutionStatus | null }): SuspectedType {
  if (p.findings.some((f) => f.item === 'unlicensed' && f.finding === 'issue')) return 'unlicensed';
  if ((p.result === 'case' || p.result === 'banned') && p.institutionStatus === 'unlicensed') return 'unlicensed';
  return 'other';
}

/**
 * A finding is handled as a complaint (15 working days): the officers on site have already stopped what could not
 * wait (a ban, an order), and what is left — rectification checked, a case decided — runs on the complaint's clock.
 */
export const CHECK_IN_CLUE_KIND: ClueKind = 'complaint';

/**
 * Where the clue is: the device's position when it was taken at the target (not flagged 距离过远), else the target's
 * own location, so a weak signal indoors does not put the clue in the next street.
 */
export function checkInCluePoint(p: { position: LonLat | null; farFromTarget: boolean; target: LonLat }): LonLat {
  return p.position !== null && !p.farFromTarget ? p.position : p.target;
}

const RESULT_WORDS: Readonly<Record<CheckInResult, string>> = {
  compliant: '合格',
  rectify: '责令整改',
  case: '立案查处',
  banned: '取缔',
  not_open: '未营业',
  no_entry: '无法进入',
};

const ITEM_WORDS: Readonly<Record<CheckItem, string>> = {
  safety: '安全管理',
  platform: '平台录入',
  disclosure: '信息公开',
  joint_mechanism: '联合执法机制',
  licences: '证照办理',
  course_filing: '备案审核',
  rules: '制度建设',
  unlicensed: '无证办学',
  advertising: '违法广告',
  moonlighting: '在职教师兼职',
};

/** The clue's text, in the words of the desk: which campaign, which check-in, the result, the items at issue, the notes. */
export function checkInClueDescription(p: { campaignName: string; checkInId: number; result: CheckInResult; findings: readonly Finding[]; notes: string }): string {
  const issues = p.findings.filter((f) => f.finding === 'issue').map((f) => ITEM_WORDS[f.item]);
  const parts = [`专项行动「${p.campaignName}」检查记录 ${p.checkInId}：${RESULT_WORDS[p.result]}`];
  if (issues.length > 0) parts.push(`问题项：${issues.join('、')}`);
  if (p.notes.trim()) parts.push(`记录：${p.notes.trim()}`);
  return parts.join('；');
}
