/** One problem found in a routing input, located by a JSON path such as `jobs[3].time_windows[0]`. */
export interface RoutingInputIssue {
  path: string;
  message: string;
}

/**
 * Thrown for any input the solver cannot accept. Callers map it to HTTP 400 / exit code 2;
 * every other exception is a bug.
 */
export class RoutingInputError extends Error {
  readonly issues: RoutingInputIssue[];

  constructor(issues: RoutingInputIssue[]) {
    super(formatIssues(issues));
    this.name = 'RoutingInputError';
    this.issues = issues;
  }
}

const MAX_LISTED_ISSUES = 20;

function formatIssues(issues: RoutingInputIssue[]): string {
  const listed = issues.slice(0, MAX_LISTED_ISSUES).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  const more = issues.length > MAX_LISTED_ISSUES ? [`… and ${issues.length - MAX_LISTED_ISSUES} more`] : [];
  return `invalid routing problem: ${[...listed, ...more].join('; ')}`;
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
