import type { InputIssue } from '../../domain/errors.js';

// The problems an import finds, as it reads: every one counted, the first thousand kept, since a file of a million bad
// rows must not become a million messages in memory (nor in the report a person reads).

export const MAX_LISTED_PROBLEMS = 1_000;

export class ImportProblems {
  readonly listed: InputIssue[] = [];
  count = 0;

  add(issue: InputIssue): void {
    this.count++;
    if (this.listed.length < MAX_LISTED_PROBLEMS) this.listed.push(issue);
  }

  /** Whether the file could not be read at all (its format or its encoding), so there is nothing more to say. */
  unreadable(): boolean {
    return this.listed.some((p) => p.path === 'file' || p.path === 'encoding');
  }

  /** The kept problems, those of the whole file first, then by record, so that a report reads down the file like the file itself. */
  inFileOrder(): InputIssue[] {
    return inFileOrder(this.listed);
  }
}

export function inFileOrder(problems: readonly InputIssue[]): InputIssue[] {
  const position = (p: InputIssue) => Number(/^(?:line|feature) (\d+)\./.exec(p.path)?.[1] ?? 0);
  return problems.map((p, i) => ({ p, i })).sort((a, b) => position(a.p) - position(b.p) || a.i - b.i).map(({ p }) => p);
}
