import type { InstitutionCategory, SuspectedType } from '../../server/domain/vocabulary.js';
import { translateCode, type Translate } from '../i18n/index.js';
import type { EditorIssue } from '../state/matrix-editor.js';
import { departmentName } from './format.js';

/** An editor issue in the language shown; the server's refusals keep the server's words. */
export const issueText = (t: Translate, issue: EditorIssue): string => ('key' in issue ? t(issue.key, issue.params) : issue.text);

/** "居民楼内、线上培训", or "任意" for a condition that matches anything. */
export const typesText = (t: Translate, types: readonly SuspectedType[]): string => (types.length ? types.map((s) => translateCode(t, 'type', s)).join(t('matrix.listSeparator')) : t('matrix.any'));
export const categoriesText = (t: Translate, categories: readonly InstitutionCategory[]): string =>
  categories.length ? categories.map((c) => translateCode(t, 'campaign.category', c)).join(t('matrix.listSeparator')) : t('matrix.any');
export const departmentsText = (t: Translate, codes: readonly string[]): string => (codes.length ? codes.map((d) => departmentName(t, d)).join(t('matrix.listSeparator')) : '—');
