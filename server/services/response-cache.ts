import { dataVersion } from '../../db/queries/data-version.js';
import type { UserRow } from '../../db/queries/users.js';
import type { Queryable } from '../../db/queries/queryable.js';

const MIB = 2 ** 20;

/**
 * Answers of the read endpoints the dashboard asks again and again (layers, analyses), kept as the UTF-8 bytes sent,
 * so a repeated request costs one small query (the data version) and no serialisation: a megabyte of JSON with
 * Chinese names costs milliseconds to encode, each time it is sent as a string. Bounded by bytes, least recently
 * used first out; concurrent requests for one key share one computation, and a failed one is not kept.
 */
export class ResponseCache {
  private readonly entries = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
  private readonly sizes = new Map<string, number>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(
    private readonly maxBytes = 192 * MIB,
    private readonly maxEntryBytes = 48 * MIB,
  ) {}

  body(key: string, compute: () => Promise<Uint8Array<ArrayBuffer>>): Promise<Uint8Array<ArrayBuffer>> {
    return this.lookup(key, compute).body;
  }

  /** The answer, and whether it was already there (or on its way) when asked. */
  lookup(key: string, compute: () => Promise<Uint8Array<ArrayBuffer>>): { body: Promise<Uint8Array<ArrayBuffer>>; hit: boolean } {
    const entry = this.entries.get(key);
    if (entry) {
      this.hits++;
      this.touch(key, entry);
      return { body: entry, hit: true };
    }
    this.misses++;
    const computed = compute();
    this.entries.set(key, computed);
    computed.then(
      (body) => this.admit(key, computed, body.byteLength),
      () => this.forget(key, computed),
    );
    return { body: computed, hit: false };
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private touch(key: string, entry: Promise<Uint8Array<ArrayBuffer>>) {
    this.entries.delete(key);
    this.entries.set(key, entry);
  }

  private admit(key: string, entry: Promise<Uint8Array<ArrayBuffer>>, length: number) {
    if (this.entries.get(key) !== entry) return;
    if (length > Math.min(this.maxEntryBytes, this.maxBytes)) return this.forget(key, entry);
    this.sizes.set(key, length);
    this.bytes += length;
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      if (oldest !== key) this.forget(oldest, this.entries.get(oldest)!);
    }
  }

  private forget(key: string, entry: Promise<Uint8Array<ArrayBuffer>>) {
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
): Promise<{ body: Uint8Array<ArrayBuffer>; hit: boolean }> {
  const version = await dataVersion(deps.database);
  const { body, hit } = deps.responses.lookup(JSON.stringify([endpoint, user.districtCode, version, query]), async () => utf8(await compute()));
  return { body: await body, hit };
}

/** The JSON text as the bytes sent: encoded once here, not again by each Response. */
export const utf8 = (text: string): Uint8Array<ArrayBuffer> => Buffer.from(text, 'utf8');
