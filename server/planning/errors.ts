import { DomainInputError, type InputIssue } from '../domain/errors.js';

/** One reason a patrol plan cannot be built, located by the input field it concerns. */
export type PlanningIssue = InputIssue;

/**
 * Thrown when the planner input cannot give a plan (no certified team, a shift on the wrong day, no targets), a draw
 * or a team formation cannot run on its input; the prefix says which.
 */
export class PlanningInputError extends DomainInputError {
  override name = 'PlanningInputError';

  constructor(issues: PlanningIssue[], prefix = 'cannot plan the patrol') {
    super(issues, prefix);
  }
}
