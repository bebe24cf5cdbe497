// What a public reporter (随手拍) sees of their clue on the tracking page: its status and the steps of the clue loop,
// in public words, by name and time only. Who acted, their notes and what other reports say stay inside.

export interface PublicLabel {
  'zh-CN': string;
  en: string;
}

/** The clue's status as the public reads it. */
export const PUBLIC_STATUS_LABELS: Readonly<Record<string, PublicLabel>> = {
  received: { 'zh-CN': '已受理', en: 'Received' },
  registered: { 'zh-CN': '已登记', en: 'Registered' },
  dispatched: { 'zh-CN': '已派单', en: 'Assigned to a department' },
  handling: { 'zh-CN': '办理中', en: 'Being handled' },
  feedback: { 'zh-CN': '已反馈', en: 'Answered' },
  verified: { 'zh-CN': '已核查', en: 'Verified' },
  closed: { 'zh-CN': '已办结', en: 'Closed' },
  rejected: { 'zh-CN': '不予受理', en: 'Not accepted' },
};

/** Steps that are not statuses. */
const OTHER_STEP_LABELS: Readonly<Record<string, PublicLabel>> = {
  reassigned: { 'zh-CN': '重新派单', en: 'Reassigned' },
  waiting: { 'zh-CN': '等待补充材料', en: 'Waiting for more information' },
  resumed: { 'zh-CN': '继续办理', en: 'Handling resumed' },
  reopened: { 'zh-CN': '重新办理', en: 'Reopened' },
  merged: { 'zh-CN': '已并入同一线索', en: 'Merged with a report of the same case' },
};

const UNKNOWN_STATUS: PublicLabel = { 'zh-CN': '处理中', en: 'In progress' };

export const publicStatusLabel = (status: string): PublicLabel => PUBLIC_STATUS_LABELS[status] ?? UNKNOWN_STATUS;

/** Audit actions of a clue and the public step each one is; actions not listed (extensions asked, edits) are not shown. */
const STEP_OF_ACTION: Readonly<Record<string, string>> = {
  'clue.create': 'received',
  'clue.import': 'received',
  'clue.register': 'registered',
  'clue.dispatch': 'dispatched',
  'clue.send_back': 'reassigned',
  'clue.accept': 'handling',
  'clue.pause': 'waiting',
  'clue.resume': 'resumed',
  'clue.feedback': 'feedback',
  'clue.verify': 'verified',
  'clue.close': 'closed',
  'clue.reopen': 'reopened',
  'clue.reject': 'rejected',
  'clue.merge': 'merged',
};

/** One audit entry of the clue, as the query reads it: the action, when, and the record written after it. */
export interface ClueAuditEntry {
  action: string;
  at: string;
  after: unknown;
}

export interface PublicStep {
  step: string;
  label: PublicLabel;
  at: string;
}

const statusOfRecord = (after: unknown): string | null => {
  const status = (after as { status?: unknown } | null)?.status;
  return typeof status === 'string' ? status : null;
};

/** The public step of an audit entry, or null when the public is not shown it. A status change is its new status. */
export function publicStepOf(entry: ClueAuditEntry): PublicStep | null {
  const step = entry.action === 'clue.status' ? statusOfRecord(entry.after) : (STEP_OF_ACTION[entry.action] ?? null);
  if (step === null) return null;
  const label = PUBLIC_STATUS_LABELS[step] ?? OTHER_STEP_LABELS[step];
  return label ? { step, label, at: entry.at } : null;
}

/** The clue's public steps in the order of its audit entries (oldest first); a step repeated at once is shown once. */
export function publicSteps(entries: readonly ClueAuditEntry[]): PublicStep[] {
  const steps: PublicStep[] = [];
  for (const entry of entries) {
    const step = publicStepOf(entry);
    if (step && steps.at(-1)?.step !== step.step) steps.push(step);
  }
  return steps;
}

/**
 * The public answer (公开答复) of a clue: the latest `publicFeedback` written in its audit records. One function, so that
 * reading it from a column of the clue instead changes only here.
 */
export function publicFeedbackOf(entries: readonly ClueAuditEntry[]): string | null {
  for (let i = entries.length - 1; i >= 0; i--) {
    const text = (entries[i].after as { publicFeedback?: unknown } | null)?.publicFeedback;
    if (typeof text === 'string' && text.trim() !== '') return text.trim();
  }
  return null;
}
