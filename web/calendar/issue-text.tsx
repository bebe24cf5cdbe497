import type { InputIssue } from '../../server/domain/errors.js';
import { ApiError } from '../api/errors.js';
import type { ServerIssue } from '../state/calendar-admin.js';
import { zhCN } from '../i18n/zh-CN.js';
import { useI18n, type MessageKey, type Translate } from '../i18n/index.js';

/**
 * An input problem in the reader's language: the kernel's issue codes have messages of their own; anything else (an
 * objection of the server without a code) is shown in a localised frame around the server's words.
 */
export function issueText(t: Translate, issue: Pick<InputIssue, 'message' | 'code'>): string {
  const key = `calendarAdmin.issue.${issue.code ?? ''}` as MessageKey;
  return issue.code && key in zhCN ? t(key) : t('calendarAdmin.issue.other', { message: issue.message });
}

/** The problems of one place of a form, as an alert under it. */
export function IssueList({ id, issues, prefix }: { id: string; issues: readonly InputIssue[] | undefined; prefix?: (issue: InputIssue) => string }) {
  const { t } = useI18n();
  if (!issues?.length) return null;
  return (
    <ul id={id} className="cal-issues" role="alert">
      {issues.map((issue, i) => (
        <li key={i}>
          {prefix?.(issue)}
          {issueText(t, issue)}
        </li>
      ))}
    </ul>
  );
}

/** A failed save as an ApiError (a thrown value of another kind is a network failure to the reader). */
export const asApiError = (error: unknown): ApiError => (error instanceof ApiError ? error : new ApiError(String(error), 0, 'network'));

/** The issues of a refused write: 400 and 422 answers carry them in `details.issues`. */
export const serverIssuesOf = (error: ApiError): ServerIssue[] => (error.details as { issues?: ServerIssue[] } | null | undefined)?.issues ?? [];
