import { DomainInputError, type InputIssue } from '../../domain/errors.js';

export { formatPath } from '../../domain/errors.js';

/** One problem found in a routing input, located by a JSON path such as `jobs[3].time_windows[0]`. */
export type RoutingInputIssue = InputIssue;

/** Thrown for any input the solver cannot accept. Callers map it to HTTP 422 / exit code 2; every other exception is a bug. */
export class RoutingInputError extends DomainInputError {
  override name = 'RoutingInputError';

  constructor(issues: RoutingInputIssue[]) {
    super(issues, 'invalid routing problem');
  }
}
