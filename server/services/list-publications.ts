// 黑白名单, 一月一公布 (docs/lists.md): a month's lists drawn up from the registry as it stood at the end of the month
// before (the kernel: server/domain/list-publication.ts), previewed with their difference from the publication before,
// and published by an administrator: one version per publication, never changed (a correction is the month's next
// version), and the registry's list status set to match, in the audited transaction. The public reads go back
// through the contract's public schemas, so nothing stored beyond the public fields can leave by that way.
import { createHash } from 'node:crypto';
import { cityWide, type Queryable } from '../../db/queries/queryable.js';
import {
  insertListPublication,
  latestPublishedMonth,
  listPublicationOf,
  listPublicationVersions,
  lockListPublications,
  publicationBefore,
  setListStatuses,
  type ListPublicationRow,
} from '../../db/queries/list-publications.js';
import type { UserRow } from '../../db/queries/users.js';
import {
  listPublicationListSchema,
  publicListsSchema,
  storedDiffSchema,
  storedEntriesSchema,
  type ListPublicationBody,
  type ListPublicationList,
  type PublicListMonths,
  type PublicLists,
  type PublishListsRequest,
} from '../contract/list-publications.js';
import { canonicalJson } from '../domain/canonical-json.js';
import { formatCsv } from '../domain/csv.js';
import { shanghaiDistrict } from '../domain/districts.js';
import {
  computeListPublication,
  dataCutoffOf,
  listsBefore,
  monthOf,
  registryLists,
  type ListCandidate,
  type ListPublication,
  type PreviousLists,
  type PublicationMonth,
} from '../domain/list-publication.js';
import { riskTiers, type RiskTier } from '../domain/risk.js';
import { shanghaiDate } from '../domain/time.js';
import { requireAdmin } from './access.js';
import { audited } from './audit.js';
import type { OutputFile } from './campaign-outputs.js';
import type { Deps } from './deps.js';
import { conflict, notFound, unprocessable } from './errors.js';
import { riskInputsOf } from './risk.js';

type ListDeps = Pick<Deps, 'database' | 'now' | 'cellWeights'>;

/** The whole registry's candidates as of the month's cutoff (the lists are the city's, whoever publishes them). */
async function candidatesOf(deps: ListDeps, month: PublicationMonth): Promise<ListCandidate[]> {
  const inputs = await riskInputsOf(deps, cityWide, {}, dataCutoffOf(month));
  return inputs.map(({ row, input }) => ({ id: row.id, name: row.name, districtCode: row.districtCode, address: row.address, risk: input }));
}

function storedPublication(row: ListPublicationRow): Pick<ListPublication, 'black' | 'white' | 'diff'> {
  const entries = storedEntriesSchema.parse(row.entries);
  return { ...entries, diff: storedDiffSchema.parse(row.diff) };
}

/**
 * What the month is compared with: the latest version of the latest month published before it; else, for a month
 * already published (a correction), what its first version compared with; else the registry as it stands.
 */
async function previousOf(q: Queryable, month: PublicationMonth, candidates: readonly ListCandidate[]): Promise<PreviousLists> {
  const before = await publicationBefore(q, month);
  if (before) {
    const stored = storedPublication(before);
    return { month: before.month, version: before.version, entries: [...stored.black, ...stored.white] };
  }
  const same = await listPublicationOf(q, { month });
  return same ? listsBefore(storedPublication(same)) : registryLists(candidates);
}

function checkMonth(deps: ListDeps, month: PublicationMonth): void {
  const current = monthOf(shanghaiDate(deps.now()));
  if (month > current) throw unprocessable('month', `${month} has not begun (this is ${current}): a month's lists are drawn up from the data to the end of the month before`);
}

/** What an administrator saw is what is published: the digest of the city's lists and difference (not of the caller's scope). */
const digestOf = (p: Pick<ListPublication, 'black' | 'white' | 'diff'>): string =>
  createHash('sha256').update(canonicalJson({ black: p.black, white: p.white, diff: p.diff })).digest('hex');

const zeroTiers = (): Record<RiskTier, number> => Object.fromEntries(riskTiers.map((t) => [t, 0])) as Record<RiskTier, number>;

/** The body of a publication as the caller may see it: a district leader only the district's entries and counts. */
function bodyOf(
  user: UserRow,
  p: Pick<ListPublication, 'month' | 'dataAsOf' | 'black' | 'white' | 'diff' | 'tierCounts'>,
  meta: { version: number | null; publishedAt: string | null; publishedBy: string | null; correctionNote: string | null; statusChanges: number | null },
): ListPublicationBody {
  const district = user.districtCode;
  const mine = <T extends { districtCode: string }>(rows: readonly T[]) => (district === null ? [...rows] : rows.filter((r) => r.districtCode === district));
  return {
    month: p.month,
    committed: meta.version !== null,
    dataAsOf: p.dataAsOf,
    ...meta,
    black: mine(p.black),
    white: mine(p.white),
    diff: { comparedWith: p.diff.comparedWith, entries: mine(p.diff.entries) },
    tierCounts: district === null ? p.tierCounts.city : (p.tierCounts.byDistrict[district] ?? zeroTiers()),
    digest: digestOf(p),
  };
}

/**
 * POST /api/lists/publications: a dry run (the default) answers the month's lists and their difference, writing
 * nothing; `commit` publishes them as the month's next version. A month already published is published again only as
 * a correction; a month before the latest one published is never published first, and a correction of an earlier month
 * leaves the registry's list status (set by the later month) as it is.
 */
export async function publishLists(deps: ListDeps, user: UserRow, body: PublishListsRequest & { commit: boolean; correction: boolean }): Promise<{ created: boolean; body: ListPublicationBody }> {
  requireAdmin(user, 'draw up and publish the 黑白名单');
  const { month } = body;
  checkMonth(deps, month);
  const candidates = await candidatesOf(deps, month);
  if (!body.commit) {
    const versions = await listPublicationVersions(deps.database, { month });
    if (versions.length > 0 && !body.correction) throw alreadyPublished(month, versions.length);
    const publication = computeListPublication(month, candidates, await previousOf(deps.database, month, candidates));
    const latest = await latestPublishedMonth(deps.database);
    const touchesRegistry = latest === null || month >= latest;
    return {
      created: false,
      body: bodyOf(user, publication, { version: null, publishedAt: null, publishedBy: null, correctionNote: body.correctionNote ?? null, statusChanges: touchesRegistry ? publication.statusChanges.length : 0 }),
    };
  }
  const at = deps.now();
  const { result } = await audited(deps, { actor: user.username, action: 'list.publish', entity: 'list_publication' }, async (tx) => {
    await lockListPublications(tx);
    const versions = await listPublicationVersions(tx, { month });
    if (versions.length > 0 && !body.correction) throw alreadyPublished(month, versions.length);
    if (versions.length === 0 && body.correction) throw conflict(`nothing of ${month} is published yet: publish it first, then correct it`, { month, version: 0 });
    const latest = await latestPublishedMonth(tx);
    if (versions.length === 0 && latest !== null && month < latest)
      throw conflict(`${latest} is published: a month before it cannot be published first`, { month, latestMonth: latest });
    const publication = computeListPublication(month, candidates, await previousOf(tx, month, candidates));
    if (body.previewDigest !== undefined && digestOf(publication) !== body.previewDigest)
      throw conflict(`the registry changed since the preview of ${month}: preview again to see what would be published`, { month, previewDigest: body.previewDigest });
    const version = versions.length + 1;
    const correctionNote = body.correctionNote ?? null;
    await insertListPublication(tx, {
      month,
      version,
      dataAsOf: publication.dataAsOf,
      entries: { black: publication.black, white: publication.white },
      diff: publication.diff,
      tierCounts: publication.tierCounts,
      correctionNote,
      userId: user.id,
      at,
    });
    // The registry follows the latest month; a correction of an earlier month leaves it to the later one.
    const changes = latest === null || month >= latest ? publication.statusChanges : [];
    const changed = await setListStatuses(tx, { changes, at });
    const count = (c: string) => publication.diff.entries.filter((d) => d.change === c).length;
    return {
      entityId: `${month}/v${version}`,
      before: versions.length ? { month, version: versions.length } : null,
      after: {
        month,
        version,
        dataAsOf: publication.dataAsOf,
        black: publication.black.length,
        white: publication.white.length,
        added: count('added'),
        removed: count('removed'),
        moved: count('moved'),
        comparedWith: publication.diff.comparedWith,
        correctionNote,
        listStatus: changes,
      },
      result: { publication, version, correctionNote, changed },
    };
  });
  return {
    created: true,
    body: bodyOf(user, result.publication, {
      version: result.version,
      publishedAt: at.toISOString(),
      publishedBy: user.username,
      correctionNote: result.correctionNote,
      statusChanges: result.changed,
    }),
  };
}

const alreadyPublished = (month: string, version: number) =>
  conflict(`${month} is published (version ${version}); publish it again only as a correction (correction: true, with a correctionNote)`, { month, version });

/** GET /api/lists/publications: every version, newest month first, with the counts of the caller's scope. */
export async function listPublicationList(deps: Pick<Deps, 'database'>, user: UserRow): Promise<ListPublicationList> {
  const versions = await listPublicationVersions(deps.database);
  const items = [];
  for (const v of versions) {
    const row = await listPublicationOf(deps.database, { month: v.month, version: v.version });
    if (!row) continue;
    const stored = storedPublication(row);
    const mine = <T extends { districtCode: string }>(rows: readonly T[]) => (user.districtCode === null ? rows : rows.filter((r) => r.districtCode === user.districtCode));
    const diff = mine(stored.diff.entries);
    items.push({
      month: v.month,
      version: v.version,
      dataAsOf: v.dataAsOf,
      publishedAt: v.publishedAt,
      publishedBy: v.publishedBy,
      correctionNote: v.correctionNote,
      black: mine(stored.black).length,
      white: mine(stored.white).length,
      added: diff.filter((d) => d.change === 'added').length,
      removed: diff.filter((d) => d.change === 'removed').length,
      moved: diff.filter((d) => d.change === 'moved').length,
    });
  }
  return listPublicationListSchema.parse({ items });
}

/** GET /api/lists/publications/{month}: the month's latest version as the caller may see it. */
export async function listPublication(deps: Pick<Deps, 'database'>, user: UserRow, month: PublicationMonth): Promise<ListPublicationBody> {
  const row = await listPublicationOf(deps.database, { month });
  if (!row) throw notFound(`published lists of ${month}`);
  const stored = storedPublication(row);
  return bodyOf(
    user,
    { month: row.month, dataAsOf: row.dataAsOf, ...stored, tierCounts: row.tierCounts },
    { version: row.version, publishedAt: row.publishedAt, publishedBy: row.publishedBy, correctionNote: row.correctionNote, statusChanges: null },
  );
}

// ---- public ----

export async function publicListMonths(deps: Pick<Deps, 'database'>): Promise<PublicListMonths> {
  const versions = await listPublicationVersions(deps.database);
  const latest = new Map<string, (typeof versions)[number]>();
  for (const v of versions) if ((latest.get(v.month)?.version ?? 0) < v.version) latest.set(v.month, v);
  return { months: [...latest.values()].map((v) => ({ month: v.month, version: v.version, publishedAt: v.publishedAt })) };
}

const districtNames = (code: string) => {
  const d = shanghaiDistrict(code);
  return { district: d?.name ?? code, districtEn: d?.nameEn ?? code };
};

/** A month's latest published version, public fields only; 404 when not published. */
export async function publicLists(deps: Pick<Deps, 'database'>, month: PublicationMonth): Promise<PublicLists> {
  const row = await listPublicationOf(deps.database, { month });
  if (!row) throw notFound(`published lists of ${month}`);
  const stored = storedPublication(row);
  const versions = await listPublicationVersions(deps.database, { month });
  // What changed for an entry still listed (新增 added, 调整 moved), by the institution: the public sees the mark only.
  const changeOf = new Map(stored.diff.entries.filter((d) => d.change !== 'removed').map((d) => [d.institutionId, d.change]));
  const shown = (e: { name: string; districtCode: string; address: string; publicReasons: { zh: string; en: string }[] }) => ({
    name: e.name,
    ...districtNames(e.districtCode),
    address: e.address,
    reasons: e.publicReasons,
  });
  const entry = (e: ListPublication['black'][number]) => ({ ...shown(e), change: changeOf.get(e.institutionId) ?? null });
  return publicListsSchema.parse({
    month: row.month,
    version: row.version,
    dataAsOf: row.dataAsOf,
    publishedAt: row.publishedAt,
    correctionNote: row.correctionNote,
    black: stored.black.map(entry),
    white: stored.white.map(entry),
    changes: { comparedWith: stored.diff.comparedWith, entries: stored.diff.entries.map((d) => ({ ...shown(d), change: d.change, from: d.from, to: d.to })) },
    versions: versions.map((v) => ({ version: v.version, publishedAt: v.publishedAt, correctionNote: v.correctionNote })),
    synthetic: true,
  });
}

const LIST_WORDS = { black: '黑名单 black list', white: '白名单 white list', none: '—' } as const;
const CHANGE_WORDS = { added: '新增 added', removed: '移出 removed', moved: '调整 moved' } as const;

/** The month's lists as one CSV (UTF-8 with BOM, for Excel): both lists, then the changes from the month before. */
export async function publicListsCsv(deps: Pick<Deps, 'database'>, month: PublicationMonth): Promise<OutputFile> {
  const p = await publicLists(deps, month);
  const header = ['名单 (list)', '变动 (change)', '机构名称 (name)', '所属区 (district)', '地址 (address)', '原因 (reasons)', '原因 (reasons, English)'];
  const words = (reasons: { zh: string; en: string }[]) => [reasons.map((r) => r.zh).join('；'), reasons.map((r) => r.en).join('; ')];
  const rows = [
    ...p.black.map((e) => [LIST_WORDS.black, changedWords(e.change ?? undefined), e.name, e.district, e.address, ...words(e.reasons)]),
    ...p.white.map((e) => [LIST_WORDS.white, changedWords(e.change ?? undefined), e.name, e.district, e.address, ...words(e.reasons)]),
    ...p.changes.entries.filter((c) => c.change === 'removed').map((c) => [`${LIST_WORDS[c.from]} → ${LIST_WORDS[c.to]}`, CHANGE_WORDS.removed, c.name, c.district, c.address, ...words(c.reasons)]),
  ];
  return { fileName: `lists_${p.month}_v${p.version}.csv`, contentType: 'text/csv; charset=utf-8', body: formatCsv([header, ...rows]) };
}

const changedWords = (change: keyof typeof CHANGE_WORDS | undefined) => (change ? CHANGE_WORDS[change] : '');
