import { DomainInputError, type InputIssue } from '../domain/errors.js';

/** One reason a patrol plan cannot be built, located by the input field it concerns. */
export type PlanningIssue = InputIssue;

/** Thrown when the planner input cannot give a plan (no certified team, a shift on the wrong day, no targets). */
export class PlanningInputError extends DomainInputError {
  override name = 'PlanningInputError';

  constructor(issues: PlanningIssue[]) {
    super(issues, 'cannot plan the patrol');
  }
}
