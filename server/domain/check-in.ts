// The rules of a check-in at a stop (检查记录, docs/field.md): how far the device was from the target and when that is
// too far, which 十查 findings a check-in must carry, who may co-sign it (双人执法), its status, and what a confirmed
// check-in writes back to the registry and the clue loop. Pure: the service reads the plan and the rows, these decide.
import type { CheckItem } from './campaign.js';
import { canonicalJson } from './canonical-json.js';
import type { InputIssue } from './errors.js';
import { distanceMetres, type LonLat } from './geodesy.js';
import type { CheckFinding, CheckInResult, ClueStatus, InstitutionStatus, ViolationKind } from './vocabulary.js';

/** A check-in farther than this from its target is flagged (距离过远): no proof the team was on site. */
export const FAR_FROM_TARGET_METRES = 200;

/** Great-circle distance from the device to the target, metres, rounded to 0.1 m; null without a position. */
export function distanceToTarget(position: LonLat | null, target: LonLat): number | null {
  if (position === null) return null;
  return Math.round(distanceMetres(position, target) * 10) / 10;
}

/** Flagged when farther than FAR_FROM_TARGET_METRES, and when the device gave no position at all (nothing proves it). */
export const isFarFromTarget = (distance: number | null): boolean => distance === null || distance > FAR_FROM_TARGET_METRES;

export interface Finding {
  item: CheckItem;
  finding: CheckFinding;
}

/**
 * Exactly one finding per 十查 item the plan asked for at the stop: none missing, none for an item it did not ask
 * for, none twice. Each issue names the finding (or `findings` for a missing one).
 */
export function findingsIssues(asked: readonly CheckItem[], findings: readonly Finding[]): InputIssue[] {
  const issues: InputIssue[] = [];
  const wanted = new Set(asked);
  const seen = new Set<CheckItem>();
  findings.forEach((f, i) => {
    if (!wanted.has(f.item))
      issues.push({ path: `findings[${i}].item`, message: `the plan does not ask for ${f.item} at this stop (it asks for ${asked.join(', ') || 'no item'})`, code: 'not_asked' });
    else if (seen.has(f.item)) issues.push({ path: `findings[${i}].item`, message: `${f.item} is given twice`, code: 'duplicate' });
    seen.add(f.item);
  });
  const missing = asked.filter((item) => !seen.has(item));
  if (missing.length > 0) issues.push({ path: 'findings', message: `missing the finding of ${missing.join(', ')}`, code: 'missing' });
  return issues;
}

/** Findings in the order of the plan's items, so that the stored list does not depend on the order they were ticked. */
export function orderedFindings(asked: readonly CheckItem[], findings: readonly Finding[]): Finding[] {
  const rank = new Map(asked.map((item, i) => [item, i]));
  return [...findings].sort((a, b) => (rank.get(a.item) ?? 0) - (rank.get(b.item) ?? 0));
}

export type CosignRefusal = { kind: 'same_officer' | 'not_member'; message: string };

/**
 * 双人执法: the second signature is another member of the same team-shift, never the officer who recorded it (the
 * database's check repeats the first rule).
 */
export function cosignRefusal(p: { recordedBy: number; cosigner: number; teamMembers: readonly number[] }): CosignRefusal | null {
  if (p.cosigner === p.recordedBy) return { kind: 'same_officer', message: 'the officer who recorded a check-in cannot co-sign it: the second officer of the team signs (双人执法)' };
  if (!p.teamMembers.includes(p.cosigner)) return { kind: 'not_member', message: 'only a member of the team-shift that made the check-in co-signs it' };
  return null;
}

export type CheckInStatus = 'pending_cosign' | 'confirmed';

/** 待确认 until the second officer co-signs, then 已确认. */
export const checkInStatus = (cosignedBy: number | null): CheckInStatus => (cosignedBy === null ? 'pending_cosign' : 'confirmed');

/**
 * What a request's idempotency compares: the canonical JSON of the validated body (defaults filled in, keys sorted),
 * so the same check-in sent again by a queue matches whatever order its keys came in. The service hashes it.
 */
export const requestFingerprint = (body: unknown): string => canonicalJson(body);

// ---- flow-back: what a confirmed check-in writes back ----

/**
 * The 十查 items whose `issue` is a recorded violation, and of which kind. The items without a kind (platform entry,
 * the joint mechanism, licences, internal rules) are management findings that go to the report, not the violation
 * record the risk score counts.
 */
export const VIOLATION_OF_ITEM: Readonly<Partial<Record<CheckItem, ViolationKind>>> = {
  unlicensed: 'unlicensed_operation',
  advertising: 'false_advertising',
  moonlighting: 'moonlighting_teacher',
  course_filing: 'unfiled_course',
  disclosure: 'disclosure',
  safety: 'safety',
};

/**
 * The violations a confirmed check-in records against an institution (each kind once): the mapped items found at
 * issue, and unlicensed operation when a case was opened (立案) or the operation banned (取缔) at an institution
 * without a licence.
 */
export function violationsOf(p: { result: CheckInResult; findings: readonly Finding[]; institutionStatus: InstitutionStatus }): ViolationKind[] {
  const kinds = new Set<ViolationKind>();
  for (const f of p.findings) {
    const kind = VIOLATION_OF_ITEM[f.item];
    if (f.finding === 'issue' && kind) kinds.add(kind);
  }
  if ((p.result === 'banned' || p.result === 'case') && p.institutionStatus === 'unlicensed') kinds.add('unlicensed_operation');
  return [...kinds];
}

/**
 * The steps a confirmed check-in takes an open clue of the inspected institution along the clue loop, each an allowed
 * transition (clue-workflow.ts): the on-site result is the handling's feedback, so a dispatched clue is taken on and
 * fed back (dispatched → handling → feedback) and one in handling is fed back; a clue that already has its feedback is
 * verified on site by the two officers (feedback → verified). A clue the centre has not dispatched yet (received,
 * registered) stays with the centre; a verified, closed or rejected one is left as it is.
 */
export function clueStepsAfterCheckIn(from: ClueStatus): ClueStatus[] {
  switch (from) {
    case 'dispatched':
      return ['handling', 'feedback'];
    case 'handling':
      return ['feedback'];
    case 'feedback':
      return ['verified'];
    default:
      return [];
  }
}

/** The date an inspection moves `last_inspected_on` to: the check-in's day when it is later than the one recorded. */
export const laterInspectionDate = (recorded: string | null, checkedOn: string): string => (recorded === null || checkedOn > recorded ? checkedOn : recorded);
