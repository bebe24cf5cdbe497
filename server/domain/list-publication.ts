// 黑白名单, 一月一公布: the month's publication computed from the registry. Which list each institution belongs on is
// list-status.ts's rule (with its reasons); the credit tier (信用等级) is the one risk score's tier (risk.ts); this module
// puts them together for a month, words the reasons for the public, and compares the result with the publication
// before it (新增 added, 移出 removed, 调整 moved between the lists). Pure: the registry's rows and the previous
// publication come in, the publication goes out.

import { DomainInputError } from './errors.js';
import { suggestListStatus, type ListReason } from './list-status.js';
import { institutionRisk, riskTiers, type InstitutionRisk, type InstitutionRiskInput, type RiskTier } from './risk.js';
import { isIsoDate, shanghaiDate, shanghaiMidnight, type IsoDate } from './time.js';
import type { ListStatus } from './vocabulary.js';

/** A published month: 'YYYY-MM'. */
export type PublicationMonth = string;
export const PUBLICATION_MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export const isPublicationMonth = (value: unknown): value is PublicationMonth =>
  typeof value === 'string' && PUBLICATION_MONTH_PATTERN.test(value) && isIsoDate(`${value}-01`);

function requireMonth(month: PublicationMonth): void {
  if (!isPublicationMonth(month)) throw new DomainInputError([{ path: 'month', message: `must be a month YYYY-MM, got ${String(month)}` }]);
}

/** The month before: '2026-01' → '2025-12'. */
export function previousMonth(month: PublicationMonth): PublicationMonth {
  requireMonth(month);
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The month of a Shanghai date: '2026-11-01' → '2026-11'. */
export const monthOf = (date: IsoDate): PublicationMonth => date.slice(0, 7);

/**
 * A month's lists are drawn up from the registry as it stood at the end of the month before (数据截至上月末): the last
 * millisecond of that month in Shanghai time. So a month's publication reads the same data whenever in the month it
 * is made, and a correction differs from it only by what was corrected in the registry.
 */
export function dataCutoffOf(month: PublicationMonth): Date {
  requireMonth(month);
  return new Date(shanghaiMidnight(`${month}-01`).getTime() - 1);
}

/** The Shanghai date the cutoff falls on: the last day of the month before. */
export const dataCutoffDate = (month: PublicationMonth): IsoDate => shanghaiDate(dataCutoffOf(month));

// ---- credit tiers (信用等级) ----

/**
 * The credit tier is the risk tier, read the other way round: A 守信 (lowest risk: inspected once a year) … D 失信
 * (highest risk: every month). The rule is risk.ts's and nothing else: the score's bands (A below 20, B below 45, C
 * below 70, D from 70 of 100 points) and its floor (without a valid licence or on the black list: at least C). The
 * publication scores each institution with the list it is about to be published on, so an institution entering the
 * black list is at least C in the same publication.
 */
export const CREDIT_TIER_LABELS: Record<RiskTier, { zh: string; en: string }> = {
  A: { zh: 'A 级（守信）', en: 'A (trustworthy)' },
  B: { zh: 'B 级（基本守信）', en: 'B (mostly trustworthy)' },
  C: { zh: 'C 级（关注）', en: 'C (under watch)' },
  D: { zh: 'D 级（失信）', en: 'D (untrustworthy)' },
};

export interface CreditTier {
  tier: RiskTier;
  score: number;
  /** The factors that gave points, largest first, with their points, and the rules that raised the tier. */
  reasons: string[];
}

/** The credit tier of a scored institution, with its reasons read off the score's factors. */
export function creditTierOf(risk: InstitutionRisk): CreditTier {
  const factors = risk.factors
    .filter((f) => f.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution || a.key.localeCompare(b.key))
    .map((f) => `${f.labelZh} / ${f.labelEn}: ${typeof f.raw === 'boolean' ? (f.raw ? '是 yes' : '否 no') : (f.raw ?? '从未 never')} → ${Math.round(f.contribution * 10) / 10}`);
  return { tier: risk.tier, score: risk.score, reasons: [...factors, ...risk.overrides] };
}

// ---- public words ----

export interface PublicWords {
  zh: string;
  en: string;
}

/** A list reason as the public reads it: what was found, never who reported it or an inspection's notes. */
export function publicReason(reason: ListReason): PublicWords {
  switch (reason.code) {
    case 'revoked':
      return { zh: '办学许可已被依法吊销', en: 'Licence revoked' };
    case 'repeated_violations':
      return { zh: `近三年内被认定违规 ${reason.count} 次`, en: `${reason.count} violations established in the last three years` };
    case 'banned':
      return { zh: `${reason.on} 无证经营被依法取缔`, en: `Unlicensed operation banned on ${reason.on}` };
    case 'compliant':
      return { zh: '证照齐全，近三年无违规记录，近一年检查合格', en: 'Licensed, no violation in three years, passed an inspection within the year' };
  }
}

/** Why an institution left a list or moved, in public words. */
export function publicChangeReason(from: ListStatus, to: ListStatus): PublicWords {
  if (from === 'black' && to === 'none') return { zh: '已不再符合黑名单条件（无新增违规，整改到位）', en: 'No longer meets the black list’s conditions' };
  if (from === 'white' && to === 'none') return { zh: '已不再符合白名单条件（出现违规或超过一年未检查）', en: 'No longer meets the white list’s conditions (a violation, or no inspection within a year)' };
  if (from === 'white' && to === 'black') return { zh: '由白名单调入黑名单', en: 'Moved from the white to the black list' };
  if (from === 'black' && to === 'white') return { zh: '由黑名单调入白名单', en: 'Moved from the black to the white list' };
  return { zh: '列入名单', en: 'Listed' };
}

/**
 * The part of an address the public sees: a business's premises to its door number (the floor and room left out); a
 * flat in a residential compound (…弄…号…室) only to its lane (弄), so no household's door is published.
 */
export function publicAddress(address: string): string {
  const lane = address.indexOf('弄');
  if (lane >= 0) return address.slice(0, lane + 1);
  const door = address.indexOf('号');
  return door >= 0 ? address.slice(0, door + 1) : address;
}

// ---- the publication ----

export type ListName = Exclude<ListStatus, 'none'>;

export interface ListCandidate {
  id: number;
  name: string;
  districtCode: string;
  address: string;
  /** The risk score's inputs; `listStatus` is the registry's list status before this publication. */
  risk: InstitutionRiskInput;
}

export interface ListEntry {
  institutionId: number;
  name: string;
  districtCode: string;
  /** publicAddress of the registry's address. */
  address: string;
  list: ListName;
  /** list-status.ts's reasons, zh-CN / en (for the desk). */
  reasons: string[];
  publicReasons: PublicWords[];
  credit: CreditTier;
}

export const listChanges = ['added', 'removed', 'moved'] as const;
export type ListChange = (typeof listChanges)[number];

export interface ListDiffEntry {
  institutionId: number;
  name: string;
  districtCode: string;
  address: string;
  change: ListChange;
  from: ListStatus;
  to: ListStatus;
  publicReasons: PublicWords[];
}

/** What the publication before says, or (nothing published yet) the registry's list statuses. */
export interface PreviousLists {
  /** The month of the publication compared with; null = the registry as it stands. */
  month: PublicationMonth | null;
  version: number | null;
  entries: readonly Pick<ListEntry, 'institutionId' | 'name' | 'districtCode' | 'address' | 'list'>[];
}

export interface ListPublication {
  month: PublicationMonth;
  /** Data up to the end of this Shanghai date. */
  dataAsOf: IsoDate;
  black: ListEntry[];
  white: ListEntry[];
  diff: { comparedWith: { month: PublicationMonth | null; version: number | null }; entries: ListDiffEntry[] };
  /** Institutions per credit tier, over every institution scored (listed or not): the city's and each district's. */
  tierCounts: { city: Record<RiskTier, number>; byDistrict: Record<string, Record<RiskTier, number>> };
  /** The list status each institution of the registry takes, when it differs from its current one. */
  statusChanges: { institutionId: number; from: ListStatus; to: ListStatus }[];
}

const byDistrictThenName = (a: { districtCode: string; name: string; institutionId: number }, b: typeof a) =>
  a.districtCode.localeCompare(b.districtCode) || a.name.localeCompare(b.name, 'zh-CN') || a.institutionId - b.institutionId;

/** The previous lists taken from the registry (no publication yet): every institution on a list as it stands. */
export function registryLists(candidates: readonly ListCandidate[]): PreviousLists {
  return {
    month: null,
    version: null,
    entries: candidates
      .filter((c) => c.risk.listStatus !== 'none')
      .map((c) => ({ institutionId: c.id, name: c.name, districtCode: c.districtCode, address: publicAddress(c.address), list: c.risk.listStatus as ListName })),
  };
}

/**
 * The month's publication: every candidate scored as of the end of the month before; the black and white lists with
 * the list rule's reasons and each entry's credit tier; the difference from `previous`; and the registry changes
 * publishing it makes (institutions.list_status).
 */
export function computeListPublication(month: PublicationMonth, candidates: readonly ListCandidate[], previous: PreviousLists): ListPublication {
  const cutoff = dataCutoffOf(month);
  const dataAsOf = dataCutoffDate(month);
  const black: ListEntry[] = [];
  const white: ListEntry[] = [];
  const zero = () => Object.fromEntries(riskTiers.map((t) => [t, 0])) as Record<RiskTier, number>;
  const tierCounts: ListPublication['tierCounts'] = { city: zero(), byDistrict: {} };
  const statusChanges: ListPublication['statusChanges'] = [];
  const now = new Map<number, ListEntry>();
  for (const c of candidates) {
    const suggestion = suggestListStatus(
      { status: c.risk.status, violationDates: c.risk.violationDates, lastInspectedOn: inspectedBy(c.risk.lastInspectionDate, dataAsOf) },
      dataAsOf,
    );
    const risk = institutionRisk({ ...c.risk, listStatus: suggestion.status }, cutoff);
    tierCounts.city[risk.tier]++;
    (tierCounts.byDistrict[c.districtCode] ??= zero())[risk.tier]++;
    if (suggestion.status !== c.risk.listStatus) statusChanges.push({ institutionId: c.id, from: c.risk.listStatus, to: suggestion.status });
    if (suggestion.status === 'none') continue;
    const entry: ListEntry = {
      institutionId: c.id,
      name: c.name,
      districtCode: c.districtCode,
      address: publicAddress(c.address),
      list: suggestion.status,
      reasons: suggestion.reasons,
      publicReasons: suggestion.codes.map(publicReason),
      credit: creditTierOf(risk),
    };
    now.set(c.id, entry);
    (entry.list === 'black' ? black : white).push(entry);
  }
  const diff: ListDiffEntry[] = [];
  const before = new Map(previous.entries.map((e) => [e.institutionId, e]));
  for (const entry of now.values()) {
    const was = before.get(entry.institutionId);
    if (was?.list === entry.list) continue;
    const from: ListStatus = was?.list ?? 'none';
    diff.push({
      institutionId: entry.institutionId,
      name: entry.name,
      districtCode: entry.districtCode,
      address: entry.address,
      change: was ? 'moved' : 'added',
      from,
      to: entry.list,
      publicReasons: was ? [publicChangeReason(from, entry.list), ...entry.publicReasons] : entry.publicReasons,
    });
  }
  for (const was of before.values()) {
    if (now.has(was.institutionId)) continue;
    diff.push({ ...pickShown(was), change: 'removed', from: was.list, to: 'none', publicReasons: [publicChangeReason(was.list, 'none')] });
  }
  black.sort(byDistrictThenName);
  white.sort(byDistrictThenName);
  diff.sort((a, b) => listChanges.indexOf(a.change) - listChanges.indexOf(b.change) || byDistrictThenName(a, b));
  statusChanges.sort((a, b) => a.institutionId - b.institutionId);
  return { month, dataAsOf, black, white, diff: { comparedWith: { month: previous.month, version: previous.version }, entries: diff }, tierCounts, statusChanges };
}

/**
 * The lists a publication was compared with, read back from it: its entries with each change undone. A correction
 * compares with what the month's first version compared with, also when that was the registry before any publication.
 */
export function listsBefore(publication: Pick<ListPublication, 'black' | 'white' | 'diff'>): PreviousLists {
  const entries = new Map<number, PreviousLists['entries'][number]>();
  for (const e of [...publication.black, ...publication.white]) entries.set(e.institutionId, pickListed(e, e.list));
  for (const d of publication.diff.entries) {
    if (d.from === 'none') entries.delete(d.institutionId);
    else entries.set(d.institutionId, pickListed(d, d.from));
  }
  return { ...publication.diff.comparedWith, entries: [...entries.values()].sort((a, b) => a.institutionId - b.institutionId) };
}

const pickListed = (e: Pick<ListEntry, 'institutionId' | 'name' | 'districtCode' | 'address'>, list: ListName) => ({ ...pickShown(e), list });

const pickShown = (e: Pick<ListEntry, 'institutionId' | 'name' | 'districtCode' | 'address'>) => ({ institutionId: e.institutionId, name: e.name, districtCode: e.districtCode, address: e.address });

/**
 * The last inspection as of the cutoff. The registry keeps the latest date only, so an inspection after the cutoff
 * (made in the month being published) stands for one on the cutoff day: the institution was inspected recently.
 */
function inspectedBy(d: InstitutionRiskInput['lastInspectionDate'], cutoff: IsoDate): IsoDate | null {
  if (d === null) return null;
  if (typeof d === 'string' && isIsoDate(d)) return d > cutoff ? cutoff : d;
  throw new DomainInputError([{ path: 'lastInspectionDate', message: `must be a date YYYY-MM-DD, got ${String(d)}` }]);
}
