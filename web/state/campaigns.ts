import type { Campaign, CampaignDefinitionInput } from '../../server/contract/index.js';
import { checkItems, DEFAULT_GOALS, type CampaignDefinition, type CampaignType } from '../../server/domain/campaign.js';
import { addDays, type IsoDate } from '../../server/domain/time.js';

/** A new campaign as the form first shows it: the next four weeks, the user's district (or none), every 十查 item. */
export function newDefinition(today: IsoDate, district: string | null): CampaignDefinition {
  return {
    name: '',
    type: 'custom' satisfies CampaignType,
    startsOn: addDays(today, 7),
    endsOn: addDays(today, 34),
    districts: district ? [district] : [],
    focus: { institutionCategories: [], suspectedTypes: [], checkItems: [...checkItems] },
    goals: { ...DEFAULT_GOALS },
    shifts: {},
  };
}

/** A list with `value` added or removed. */
export function toggled<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

export const asInput = (d: CampaignDefinition): CampaignDefinitionInput => d;

/** Field → message of a 400/422 answer's issues (`details.issues[].path` as text or as segments). */
export function fieldIssues(details: unknown): Record<string, string> {
  const issues = (details as { issues?: { path?: unknown; message?: unknown }[] } | null)?.issues;
  const out: Record<string, string> = {};
  for (const issue of issues ?? []) {
    const path = Array.isArray(issue.path) ? issue.path.join('.') : typeof issue.path === 'string' ? issue.path : '';
    const field = path.replace(/\[\d+\]$/, '');
    if (typeof issue.message === 'string' && !(field in out)) out[field] = issue.message;
  }
  return out;
}

/** The definition's top-level fields that the issues concern, once each, in order; an issue of the whole body names none. */
export const fieldsOf = (issues: Record<string, string>): string[] => [...new Set(Object.keys(issues).map((path) => path.split(/[.[]/)[0]).filter(Boolean))];

/** Newest first, as the list shows them. */
export const byUpdate = (a: Campaign, b: Campaign) => b.updatedAt.localeCompare(a.updatedAt) || b.id - a.id;
