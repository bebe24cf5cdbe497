import { DomainInputError } from '../domain/errors.js';

/** Bad input to an analysis: the message is meant for the person who supplied it; `field` names what to fix. */
export class AnalyticsInputError extends DomainInputError {
  override name = 'AnalyticsInputError';

  constructor(message: string, field = '') {
    super([{ path: field, message }]);
    // The message already says where (e.g. "feature 3 …"): keep it as written, the field travels in the issue.
    this.message = message;
  }
}
