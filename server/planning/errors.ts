/** One reason a patrol plan cannot be built, located by the input field it concerns. */
export interface PlanningIssue {
  path: string;
  message: string;
}

/** Thrown when the planner input cannot give a plan (no certified team, a shift on the wrong day, no targets). */
export class PlanningInputError extends Error {
  readonly issues: PlanningIssue[];

  constructor(issues: PlanningIssue[]) {
    super(`cannot plan the patrol: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`);
    this.name = 'PlanningInputError';
    this.issues = issues;
  }
}
