import type { ClueStatus } from './vocabulary.js';

// Which explicit step of the clue loop a clue's state allows (docs/clues.md#api-steps). The step endpoints refuse the
// others with these words; the desk shows only these buttons.

/** The explicit steps, in the loop's order: each an endpoint and an audit action `clue.<step>`. */
export const clueLoopSteps = [
  'register',
  'dispatch',
  'send_back',
  'accept',
  'extend_request',
  'extend_decide',
  'pause',
  'resume',
  'feedback',
  'verify',
  'close',
  'reopen',
  'merge',
  'reject',
] as const;
export type LoopStep = (typeof clueLoopSteps)[number];

export interface LoopState {
  status: ClueStatus;
  paused: boolean;
  /** An extension request waits for its decision. */
  extensionPending: boolean;
  /** Merged into another clue: it follows its parent and takes no step of its own. */
  merged: boolean;
}

const byStatus: Record<ClueStatus, readonly LoopStep[]> = {
  received: ['register', 'merge', 'reject'],
  registered: ['dispatch', 'merge', 'reject'],
  dispatched: ['accept', 'send_back', 'extend_request', 'pause', 'merge', 'reject'],
  handling: ['feedback', 'extend_request', 'pause', 'merge', 'reject'],
  feedback: ['verify'],
  verified: ['close'],
  closed: ['reopen'],
  rejected: [],
};

/** The steps allowed now, in the loop's order. */
export function allowedClueSteps(state: LoopState): LoopStep[] {
  if (state.merged) return [];
  let steps = [...byStatus[state.status]];
  if (state.paused) steps = [...steps.filter((s) => s !== 'pause' && s !== 'feedback' && s !== 'send_back'), 'resume'];
  if (state.extensionPending) steps = [...steps.filter((s) => s !== 'extend_request'), 'extend_decide'];
  return steps;
}

/** Why a step is refused in this state, in words a clerk understands; null when it is allowed. */
export function clueStepRefusal(state: LoopState, step: LoopStep): string | null {
  const allowed = allowedClueSteps(state);
  if (allowed.includes(step)) return null;
  if (state.merged) return 'this clue is merged into another one: it follows its parent clue';
  if (state.paused && (step === 'feedback' || step === 'send_back')) return 'the clue is paused (waiting for the reporter): resume it first';
  if (step === 'resume') return 'the clue is not paused';
  if (step === 'pause' && state.paused) return 'the clue is paused already';
  if (step === 'extend_decide') return 'no extension request waits for a decision';
  if (step === 'extend_request' && state.extensionPending) return 'an extension request already waits for its decision';
  return `a ${state.status} clue cannot take the step ${step}; allowed now: ${allowed.join(', ') || 'none'}`;
}
