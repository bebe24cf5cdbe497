// Bearer tokens of GIS clients for the OGC API – Features: administrators issue and revoke them; a request carrying
// one reads with the token's scope (the city or one district) and nothing else, like an account of that scope that
// may only read.
import type { GisToken, IssueGisToken } from '../contract/gis-tokens.js';
import { newSessionToken, sessionTokenHash } from '../auth/session-token.js';
import { MINUTE_MS } from '../domain/time.js';
import { districtCodes } from '../../db/queries/districts.js';
import { gisTokenByHash, gisTokenById, insertGisToken, listGisTokens, markGisTokenUsed, revokeGisToken, type GisTokenRow } from '../../db/queries/gis-tokens.js';
import type { Queryable, Scope } from '../../db/queries/queryable.js';
import type { UserRow } from '../../db/queries/users.js';
import { requireAdmin } from './access.js';
import { audited } from './audit.js';
import type { Deps } from './deps.js';
import { conflict, forbidden, notFound, tooManyRequests, unauthenticated, unprocessable } from './errors.js';

type TokenDeps = Pick<Deps, 'database' | 'now' | 'loginLimiter'>;

/** A prefix that tells a leaked secret for what it is (in a log, a repository, a scanner's report). */
const SECRET_PREFIX = 'jogis_';
/** `last used` is a hint for whoever tidies the tokens, not an access log: one write a minute is enough. */
const TOUCH_INTERVAL_MS = MINUTE_MS;

function toGisToken(row: GisTokenRow): GisToken {
  return {
    id: row.id,
    name: row.name,
    districtCode: row.districtCode,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** What the audit log keeps of a token: never its secret or the secret's hash. */
const auditRecord = (row: GisTokenRow) => ({ name: row.name, districtCode: row.districtCode, revokedAt: row.revokedAt?.toISOString() ?? null });

async function lockedToken(tx: Queryable, id: number): Promise<GisTokenRow> {
  const row = await gisTokenById(tx, { id, forUpdate: true });
  if (!row) throw notFound(`GIS token ${id}`);
  return row;
}

/**
 * A token reads as far as its scope, so only a city-wide administrator hands them out: an administrator bound to a
 * district could otherwise mint a token that sees more than the account itself.
 */
function requireTokenKeeper(user: UserRow): void {
  requireAdmin(user, 'manage the GIS client tokens');
  if (user.districtCode !== null) throw forbidden(`GIS client tokens are managed by a city-wide administrator; this account is bound to district ${user.districtCode}`);
}

export async function listGisTokensFor(deps: Pick<Deps, 'database'>, user: UserRow): Promise<GisToken[]> {
  requireTokenKeeper(user);
  return (await listGisTokens(deps.database)).map(toGisToken);
}

export async function issueGisToken(deps: TokenDeps, user: UserRow, body: IssueGisToken): Promise<{ token: GisToken; secret: string }> {
  requireTokenKeeper(user);
  const secret = `${SECRET_PREFIX}${newSessionToken()}`;
  const { result } = await audited(deps, { actor: user.username, action: 'gis_token.issue', entity: 'gis_token' }, async (tx) => {
    // Checked here rather than left to the foreign key, so that an unknown district is a 422 naming the field.
    if (body.districtCode !== null && !(await districtCodes(tx)).includes(body.districtCode))
      throw unprocessable('districtCode', `no district ${body.districtCode}`);
    const id = await insertGisToken(tx, {
      name: body.name,
      districtCode: body.districtCode,
      tokenHash: sessionTokenHash(secret),
      createdBy: user.username,
      at: deps.now(),
    });
    const after = (await gisTokenById(tx, { id }))!;
    return { entityId: String(id), before: null, after: auditRecord(after), result: after };
  });
  return { token: toGisToken(result), secret };
}

export async function revokeGisTokenFor(deps: TokenDeps, user: UserRow, id: number): Promise<GisToken> {
  requireTokenKeeper(user);
  const { result } = await audited(deps, { actor: user.username, action: 'gis_token.revoke', entity: 'gis_token' }, async (tx) => {
    const before = await lockedToken(tx, id);
    if (before.revokedAt) throw conflict(`GIS token ${id} was revoked already`, { revokedAt: before.revokedAt.toISOString() });
    await revokeGisToken(tx, { id, at: deps.now() });
    const after = (await gisTokenById(tx, { id }))!;
    return { entityId: String(id), before: auditRecord(before), after: auditRecord(after), result: after };
  });
  return toGisToken(result);
}

/**
 * The scope a bearer token reads with. Unknown tokens count against the address's allowance of failed logins, so
 * that guessing tokens is throttled like guessing passwords; a revoked one is refused with its own words.
 */
export async function scopeOfGisToken(deps: TokenDeps, secret: string, clientAddress: string): Promise<Scope> {
  const now = deps.now();
  const waitMs = deps.loginLimiter.addressRetryAfterMs(clientAddress, now);
  if (waitMs > 0) throw tooManyRequests('too many failed attempts from this address; try again later', Math.ceil(waitMs / 1000));
  const row = await gisTokenByHash(deps.database, sessionTokenHash(secret));
  if (!row) {
    deps.loginLimiter.recordAddressFailure(clientAddress, now);
    throw unauthenticated('unknown GIS token: ask an administrator for one (?page=tokens)');
  }
  if (row.revokedAt) throw unauthenticated('this GIS token was revoked (此令牌已被撤销): ask an administrator for a new one');
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) await markGisTokenUsed(deps.database, { id: row.id, at: now });
  return { districtCode: row.districtCode };
}
