import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { col, instant, isoUtc, parsedRows, type Queryable } from './queryable.js';

// 责任矩阵 versions (db/schema/responsibility-matrix.ts): the newest row is in force.

export interface MatrixVersionRow {
  version: number;
  createdBy: string;
  createdAt: string;
  ruleCount: number;
}

export interface StoredMatrix {
  version: number;
  createdBy: string;
  createdAt: string;
  /** As stored; the service checks its shape. */
  rules: unknown;
}

export async function insertMatrixVersion(tx: Queryable, p: { version: number; rules: unknown; createdBy: string; createdAt: Date }): Promise<void> {
  await tx.rows(sql`
    INSERT INTO responsibility_matrices (version, rules, created_by, created_at)
    VALUES (${p.version}, ${JSON.stringify(p.rules)}::jsonb, ${p.createdBy}, ${instant(p.createdAt)})`);
}

/** The matrix in force (the newest version), or null when none is stored. */
export async function currentMatrix(q: Queryable): Promise<StoredMatrix | null> {
  const [row] = await parsedRows(q, z.object({ version: col.int, createdBy: z.string(), createdAt: z.string(), rules: col.json(z.unknown()) }), sql`
    SELECT version, created_by AS "createdBy", ${isoUtc(sql`created_at`)} AS "createdAt", rules
    FROM responsibility_matrices ORDER BY version DESC LIMIT 1`);
  return row ?? null;
}

/** Every version with its rules as stored, newest first (the history compares each with the one before). */
export async function matrixVersions(q: Queryable): Promise<(MatrixVersionRow & { rules: unknown })[]> {
  return parsedRows(q, z.object({ version: col.int, createdBy: z.string(), createdAt: z.string(), ruleCount: col.int, rules: col.json(z.unknown()) }), sql`
    SELECT version, created_by AS "createdBy", ${isoUtc(sql`created_at`)} AS "createdAt", jsonb_array_length(rules) AS "ruleCount", rules
    FROM responsibility_matrices ORDER BY version DESC`);
}

/** Serialises matrix writers until the transaction ends, so two edits of one version cannot both be stored. */
export async function lockMatrixWrites(tx: Queryable): Promise<void> {
  await tx.rows(sql`SELECT pg_advisory_xact_lock(hashtext('responsibility_matrices'))`);
}
