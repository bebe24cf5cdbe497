import { dataVersion } from '../../db/queries/data-version.js';
import type { UserRow } from '../../db/queries/users.js';
import type { Queryable } from '../../db/queries/queryable.js';

const MIB = 2 ** 20;

/**
 * Answers of the read endpoints the dashboard asks again and again (layers, analyses), kept as the JSON text sent,
 * so a repeated request costs one small query (the data version) and no serialisation. Bounded by bytes, least
 * recently used first out; concurrent requests for one key share one computation, and a failed one is not kept.
 */
export class ResponseCache {
  private readonly entries = new Map<string, Promise<string>>();
  private readonly sizes = new Map<string, number>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(
    private readonly maxBytes = 192 * MIB,
    private readonly maxEntryBytes = 48 * MIB,
  ) {}

  text(key: string, compute: () => Promise<string>): Promise<string> {
    return this.lookup(key, compute).text;
  }

  /** The answer, and whether it was already there (or on its way) when asked. */
  lookup(key: string, compute: () => Promise<string>): { text: Promise<string>; hit: boolean } {
    const entry = this.entries.get(key);
    if (entry) {
      this.hits++;
      this.touch(key, entry);
      return { text: entry, hit: true };
    }
    this.misses++;
    const computed = compute();
    this.entries.set(key, computed);
    computed.then(
      (text) => this.admit(key, computed, text.length),
      () => this.forget(key, computed),
    );
    return { text: computed, hit: false };
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private touch(key: string, entry: Promise<string>) {
    this.entries.delete(key);
    this.entries.set(key, entry);
  }

  private admit(key: string, entry: Promise<string>, length: number) {
    if (this.entries.get(key) !== entry) return;
    // JS strings of this JSON are mostly one byte a character; UTF-16 would at most double it.
    if (length > Math.min(this.maxEntryBytes, this.maxBytes)) return this.forget(key, entry);
    this.sizes.set(key, length);
    this.bytes += length;
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      if (oldest !== key) this.forget(oldest, this.entries.get(oldest)!);
    }
  }

  private forget(key: string, entry: Promise<string>) {
    if (this.entries.get(key) !== entry) return;
    this.entries.delete(key);
    this.bytes -= this.sizes.get(key) ?? 0;
    this.sizes.delete(key);
  }
}

/**
 * The cached answer of one endpoint for one user scope and query at the data's current version. The service runs
 * its scope check inside `compute`, so a refused request throws and leaves nothing behind; the key holds the user's
 * district, so answers never cross scopes.
 */
export async function cachedAnswer(
  deps: { database: Queryable; responses: ResponseCache },
  user: UserRow,
  endpoint: string,
  query: unknown,
  compute: () => Promise<string>,
): Promise<{ text: string; hit: boolean }> {
  const version = await dataVersion(deps.database);
  const { text, hit } = deps.responses.lookup(JSON.stringify([endpoint, user.districtCode, version, query]), compute);
  return { text: await text, hit };
}
