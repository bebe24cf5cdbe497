// 专项行动 campaigns on the stored versions: list and read in scope, create, edit (a draft in place, an approved one as a
// new version), and the lifecycle steps. The rules are the domain's (server/domain/campaign.ts); this module checks them
// against the stored state inside one audited transaction, so two steps at once cannot both succeed.
import type { z } from 'zod';
import {
  actionRefusal,
  availableActions,
  campaignDays,
  definitionChanges,
  definitionIssues,
  editMakesNewVersion,
  normaliseDefinition,
  planScopeRefusal,
  statusAfter,
  type CampaignActor,
  type CampaignDefinition,
  type CampaignState,
} from '../domain/campaign.js';
import { DomainInputError } from '../domain/errors.js';
import { shiftOverrideIssues } from '../planning/campaign-shifts.js';
import {
  campaignDefinitionSchema,
  campaignEditSchema,
  campaignTransitionSchema,
  type Campaign,
  type CampaignList,
  type CampaignVersions,
} from '../contract/campaigns.js';
import {
  addVersion,
  campaignById,
  campaignVersions,
  changeStatus,
  insertCampaign,
  listCampaigns,
  rewriteCurrentVersion,
  type CampaignRow,
} from '../../db/queries/campaigns.js';
import { districtCodes } from '../../db/queries/districts.js';
import type { Queryable } from '../../db/queries/queryable.js';
import type { UserRow } from '../../db/queries/users.js';
import type { CampaignStatus } from '../domain/campaign.js';
import { scopeOf } from './access.js';
import { audited } from './audit.js';
import type { Deps } from './deps.js';
import { conflict, forbidden, notFound } from './errors.js';
import { announce, notifyLiveEvents, type LiveEventDeps } from './live-event-outbox.js';

type CampaignDeps = Pick<Deps, 'database' | 'now'> & LiveEventDeps;
type DefinitionBody = z.output<typeof campaignDefinitionSchema>;
type EditBody = z.output<typeof campaignEditSchema>;
type TransitionBody = z.output<typeof campaignTransitionSchema>;

const actorOf = (user: UserRow): CampaignActor => ({ userId: user.id, role: user.role, districtCode: user.districtCode });

const stateOf = (row: CampaignRow): CampaignState => ({ status: row.status, districts: row.districts, submittedBy: row.submittedBy });

/** A stored definition read back through the contract: a row that no longer fits it is a bug, not bad input. */
const storedDefinition = (definition: unknown): CampaignDefinition => campaignDefinitionSchema.parse(definition);

const stampOf = (by: string | null, at: Date | null) => (by && at ? { by, at: at.toISOString() } : null);

function toCampaign(row: CampaignRow, user: UserRow): Campaign {
  const definition = storedDefinition(row.definition);
  return {
    id: row.id,
    status: row.status,
    version: row.currentVersion,
    definition,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    submitted: stampOf(row.submittedByName, row.submittedAt),
    approved: stampOf(row.approvedByName, row.approvedAt),
    returnNote: row.returnNote,
    actions: availableActions(stateOf(row), actorOf(user)),
    days: campaignDays(definition).length,
  };
}

/** What the audit log keeps of a campaign: its lifecycle state and the definition of its current version. */
const auditRecord = (row: CampaignRow) => ({ status: row.status, version: row.currentVersion, definition: row.definition });

async function checkedDefinition(q: Queryable, body: DefinitionBody, user: UserRow): Promise<CampaignDefinition> {
  // Checked before normalising, which would fold a district named twice into one.
  const issues = [...definitionIssues(body, new Set(await districtCodes(q))), ...shiftOverrideIssues(body.shifts, 'shifts')];
  const definition = normaliseDefinition(body);
  if (issues.length) throw new DomainInputError(issues);
  const refusal = planScopeRefusal(actorOf(user), definition.districts);
  if (refusal) throw forbidden(refusal, { allowedDistrict: user.districtCode, requestedDistricts: definition.districts });
  return definition;
}

export async function listCampaignsFor(deps: CampaignDeps, user: UserRow, query: { status?: CampaignStatus }): Promise<CampaignList> {
  const rows = await listCampaigns(deps.database, { scope: scopeOf(user), status: query.status });
  return { campaigns: rows.map((row) => toCampaign(row, user)) };
}

export async function getCampaign(deps: CampaignDeps, user: UserRow, id: number): Promise<Campaign> {
  const row = await campaignById(deps.database, { scope: scopeOf(user), id });
  if (!row) throw notFound(`campaign ${id}`);
  return toCampaign(row, user);
}

export async function getCampaignVersions(deps: CampaignDeps, user: UserRow, id: number): Promise<CampaignVersions> {
  const rows = await campaignVersions(deps.database, { scope: scopeOf(user), id });
  if (rows.length === 0) throw notFound(`campaign ${id}`);
  const definitions = rows.map((r) => storedDefinition(r.definition));
  return {
    versions: rows.map((r, i) => ({
      version: r.version,
      definition: definitions[i],
      createdBy: r.createdBy,
      createdAt: r.createdAt.toISOString(),
      submitted: stampOf(r.submittedByName, r.submittedAt),
      approved: stampOf(r.approvedByName, r.approvedAt),
      changes: i === 0 ? [] : definitionChanges(definitions[i - 1], definitions[i]),
    })),
  };
}

export async function createCampaign(deps: CampaignDeps, user: UserRow, body: DefinitionBody): Promise<Campaign> {
  const scope = scopeOf(user);
  const { result } = await audited(deps, { actor: user.username, action: 'campaign.create', entity: 'campaign' }, async (tx) => {
    const definition = await checkedDefinition(tx, body, user);
    const id = await insertCampaign(tx, { definition, districts: definition.districts, userId: user.id, at: deps.now() });
    const after = (await campaignById(tx, { scope, id }))!;
    return { entityId: String(id), before: null, after: auditRecord(after), result: after };
  });
  return toCampaign(result, user);
}

async function lockedCampaign(tx: Queryable, user: UserRow, id: number): Promise<CampaignRow> {
  const row = await campaignById(tx, { scope: scopeOf(user), id, forUpdate: true });
  if (!row) throw notFound(`campaign ${id}`);
  return row;
}

function refuse(refusal: { kind: 'forbidden' | 'conflict'; message: string }, details: Record<string, unknown>): never {
  throw refusal.kind === 'forbidden' ? forbidden(refusal.message, details) : conflict(refusal.message, details);
}

export async function editCampaign(deps: CampaignDeps, user: UserRow, id: number, body: EditBody): Promise<Campaign> {
  const scope = scopeOf(user);
  const { result } = await audited(deps, { actor: user.username, action: 'campaign.edit', entity: 'campaign' }, async (tx) => {
    const before = await lockedCampaign(tx, user, id);
    if (body.baseVersion !== before.currentVersion)
      throw conflict(`the campaign is at version ${before.currentVersion}, the edit was made on version ${body.baseVersion}: reload it`, {
        currentVersion: before.currentVersion,
      });
    const refusal = actionRefusal('edit', stateOf(before), actorOf(user));
    if (refusal) refuse(refusal, { status: before.status });
    const definition = await checkedDefinition(tx, body.definition, user);
    const at = deps.now();
    if (editMakesNewVersion(before.status))
      await addVersion(tx, { id, version: before.currentVersion + 1, definition, districts: definition.districts, userId: user.id, at });
    else await rewriteCurrentVersion(tx, { id, version: before.currentVersion, definition, districts: definition.districts, at });
    const after = (await campaignById(tx, { scope, id }))!;
    return { entityId: String(id), before: auditRecord(before), after: auditRecord(after), result: after };
  });
  return toCampaign(result, user);
}

export async function stepCampaign(deps: CampaignDeps, user: UserRow, id: number, body: TransitionBody): Promise<Campaign> {
  const scope = scopeOf(user);
  const { result } = await audited(deps, { actor: user.username, action: 'campaign.status', entity: 'campaign' }, async (tx) => {
    const before = await lockedCampaign(tx, user, id);
    if (body.version !== before.currentVersion)
      throw conflict(`the campaign is at version ${before.currentVersion}, not ${body.version}: reload it before you ${body.action} it`, {
        currentVersion: before.currentVersion,
      });
    const refusal = actionRefusal(body.action, stateOf(before), actorOf(user));
    if (refusal) refuse(refusal, { status: before.status, action: body.action });
    const stamp =
      body.action === 'submit'
        ? { submittedBy: user.id }
        : body.action === 'approve'
          ? { approvedBy: user.id }
          : body.action === 'return'
            ? { returned: body.note ?? null }
            : body.action === 'withdraw'
              ? { withdrawn: true as const }
              : undefined;
    const moved = await changeStatus(tx, { id, version: before.currentVersion, from: before.status, to: statusAfter(body.action), at: deps.now(), stamp });
    // The row lock makes this unreachable on one database; it stays as the guard the statement itself gives.
    if (!moved) throw conflict(`the campaign changed meanwhile: reload it`, { action: body.action });
    const after = (await campaignById(tx, { scope, id }))!;
    // A campaign of several districts is announced to each of them: an event has one district, and a district's
    // accounts must not hear of campaigns that are not theirs.
    const payload = { campaignId: id, version: after.currentVersion, name: storedDefinition(after.definition).name, from: before.status, to: after.status };
    for (const districtCode of after.districts) await announce(tx, deps.now(), { kind: 'campaign.status', districtCode, campaignId: id, payload });
    return {
      entityId: String(id),
      before: auditRecord(before),
      after: { ...auditRecord(after), action: body.action, ...(body.note ? { note: body.note } : {}) },
      result: after,
    };
  });
  notifyLiveEvents(deps);
  return toCampaign(result, user);
}
