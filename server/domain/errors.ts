/** One reason an input cannot be used, located by the field it concerns (a JSON path such as `jobs[3].location`). */
export interface InputIssue {
  path: string;
  message: string;
  /** What kind of problem, for a client that says it in its own language (the message is English); optional. */
  code?: string;
}

const MAX_LISTED_ISSUES = 20;

export function formatIssues(issues: readonly InputIssue[]): string {
  const listed = issues.slice(0, MAX_LISTED_ISSUES).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  const more = issues.length > MAX_LISTED_ISSUES ? [`… and ${issues.length - MAX_LISTED_ISSUES} more`] : [];
  return [...listed, ...more].join('; ');
}

/**
 * Input that a domain rule or an engine (analytics, planning, routing) cannot accept, with the fields it concerns.
 * The message is for the person who supplied the input; the API answers it as 422 with the issues, a CLI as exit 2.
 * Every other exception is a bug.
 */
export class DomainInputError extends Error {
  override name = 'DomainInputError';
  readonly issues: InputIssue[];

  constructor(issues: InputIssue[] | string, prefix?: string) {
    const list = typeof issues === 'string' ? [{ path: '', message: issues }] : issues;
    super(prefix ? `${prefix}: ${formatIssues(list)}` : formatIssues(list));
    this.issues = list;
  }
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
