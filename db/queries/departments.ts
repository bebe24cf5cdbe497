import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { parsedRows, type Queryable } from './queryable.js';

const departmentRow = z.object({ code: z.string(), name: z.string() });

/** 联合执法 member departments by code, with the name a sheet prints after the district (教育局). */
export async function departmentNames(q: Queryable): Promise<Map<string, string>> {
  const rows = await parsedRows(q, departmentRow, sql`SELECT code, name FROM departments ORDER BY code`);
  return new Map(rows.map((r) => [r.code, r.name]));
}
