/** Bad input to an analysis: the message is meant for the person who supplied it. */
export class AnalyticsInputError extends Error {
  override readonly name = 'AnalyticsInputError';
}
