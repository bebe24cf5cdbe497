import type { ZodType } from 'zod';
import { ApiError } from './errors.js';

/** An answer checked against the contract's schema: a malformed one is an error (`bad_response`), not a blank view. */
export async function checked<T>(schema: ZodType<T>, answer: Promise<unknown>): Promise<T> {
  const body = await answer;
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError(`unexpected answer: ${parsed.error.issues[0]?.message ?? 'invalid'}`, 200, 'bad_response');
  return parsed.data;
}
