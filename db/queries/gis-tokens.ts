// Bearer tokens of GIS clients (OGC API – Features): only the SHA-256 of a token is ever written or looked up.
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { col, instant, parsedRows, type Queryable } from './queryable.js';

export interface GisTokenRow {
  id: number;
  name: string;
  districtCode: string | null;
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const tokenRow = z.object({
  id: col.int,
  name: z.string(),
  districtCode: z.string().nullable(),
  createdBy: z.string(),
  createdAt: col.timestamp,
  lastUsedAt: col.timestamp.nullable(),
  revokedAt: col.timestamp.nullable(),
});

const tokens = (where: SQL, lock = false) => sql`
  SELECT id, name, district_code AS "districtCode", created_by AS "createdBy", created_at AS "createdAt",
         last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"
  FROM gis_tokens WHERE ${where} ORDER BY id${lock ? sql` FOR UPDATE` : sql``}`;

export async function insertGisToken(
  tx: Queryable,
  p: { name: string; districtCode: string | null; tokenHash: string; createdBy: string; at: Date },
): Promise<number> {
  const [{ id }] = await parsedRows(tx, z.object({ id: col.int }), sql`
    INSERT INTO gis_tokens (name, district_code, token_hash, created_by, created_at)
    VALUES (${p.name}, ${p.districtCode}, ${p.tokenHash}, ${p.createdBy}, ${instant(p.at)})
    RETURNING id`);
  return id;
}

export async function listGisTokens(q: Queryable): Promise<GisTokenRow[]> {
  return parsedRows(q, tokenRow, tokens(sql`TRUE`));
}

/** One token; `forUpdate` locks its row for the rest of the transaction. */
export async function gisTokenById(q: Queryable, p: { id: number; forUpdate?: boolean }): Promise<GisTokenRow | null> {
  const [row] = await parsedRows(q, tokenRow, tokens(sql`id = ${p.id}`, p.forUpdate));
  return row ?? null;
}

/** The token a hash belongs to, revoked or not (the caller tells the two apart). */
export async function gisTokenByHash(q: Queryable, tokenHash: string): Promise<GisTokenRow | null> {
  const [row] = await parsedRows(q, tokenRow, tokens(sql`token_hash = ${tokenHash}`));
  return row ?? null;
}

export async function markGisTokenUsed(q: Queryable, p: { id: number; at: Date }): Promise<void> {
  await q.rows(sql`UPDATE gis_tokens SET last_used_at = ${instant(p.at)} WHERE id = ${p.id}`);
}

export async function revokeGisToken(tx: Queryable, p: { id: number; at: Date }): Promise<void> {
  await tx.rows(sql`UPDATE gis_tokens SET revoked_at = ${instant(p.at)} WHERE id = ${p.id} AND revoked_at IS NULL`);
}
