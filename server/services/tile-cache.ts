// The in-process cache of vector tiles: bounded by bytes, least recently used first out, and the per-layer data
// versions that are part of every key, so a write makes that layer's cached tiles unreachable at once.
import { dataVersion } from '../../db/queries/data-version.js';
import type { Queryable } from '../../db/queries/queryable.js';
import type { Clock } from '../domain/clock.js';
import { layersChangedBy, tileLayerNames, type TileLayerName } from '../domain/tile-layers.js';
import type { AuditEntity } from '../domain/vocabulary.js';

const MIB = 2 ** 20;

export interface CachedTile {
  bytes: Uint8Array;
  etag: string;
}

export class TileCache {
  private readonly entries = new Map<string, Promise<CachedTile>>();
  private readonly sizes = new Map<string, number>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly maxBytes = 64 * MIB) {}

  /** The tile under `key`, computed once however many ask at the same time; a failed computation is not kept. */
  lookup(key: string, compute: () => Promise<CachedTile>): { tile: Promise<CachedTile>; hit: boolean } {
    const entry = this.entries.get(key);
    if (entry) {
      this.hits++;
      this.entries.delete(key);
      this.entries.set(key, entry);
      return { tile: entry, hit: true };
    }
    this.misses++;
    const computed = compute();
    this.entries.set(key, computed);
    computed.then(
      (tile) => this.admit(key, computed, tile.bytes.length + key.length + tile.etag.length),
      () => this.forget(key, computed),
    );
    return { tile: computed, hit: false };
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private admit(key: string, entry: Promise<CachedTile>, length: number) {
    if (this.entries.get(key) !== entry) return;
    if (length > this.maxBytes) return this.forget(key, entry);
    this.sizes.set(key, length);
    this.bytes += length;
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      if (oldest !== key) this.forget(oldest, this.entries.get(oldest)!);
    }
  }

  private forget(key: string, entry: Promise<CachedTile>) {
    if (this.entries.get(key) !== entry) return;
    this.entries.delete(key);
    this.bytes -= this.sizes.get(key) ?? 0;
    this.sizes.delete(key);
  }
}

/**
 * A counter per layer, bumped when an audited write of this process commits (services/audit.ts) for the layers its
 * entity changes, so that its own next tile is new at once. Writes of other processes (imports, a second server) are
 * noticed by the audit log's head, read at most every `syncEveryMs`: any head other than the one last read bumps every
 * layer. A write of this process moves the head too and so costs one more bump; the head is not taken from it,
 * because another process may have written just before it and that write would then go unseen.
 */
export class LayerVersions {
  private readonly counters = new Map<TileLayerName, number>(tileLayerNames.map((name) => [name, 0]));
  private knownHead: string | null = null;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private syncing: Promise<void> | null = null;

  constructor(
    private readonly now: Clock,
    private readonly syncEveryMs = 2_000,
  ) {}

  of(layer: TileLayerName): number {
    return this.counters.get(layer) ?? 0;
  }

  recordWrite(entity: AuditEntity): void {
    for (const layer of layersChangedBy(entity)) this.counters.set(layer, this.of(layer) + 1);
  }

  /** Catches up with writes made elsewhere; cheap when checked recently. */
  async sync(q: Queryable): Promise<void> {
    const at = this.now().getTime();
    if (at - this.checkedAt < this.syncEveryMs) return;
    this.syncing ??= (async () => {
      try {
        const head = await dataVersion(q);
        if (this.knownHead !== null && head !== this.knownHead) for (const layer of tileLayerNames) this.counters.set(layer, this.of(layer) + 1);
        this.knownHead = head;
        this.checkedAt = at;
      } finally {
        this.syncing = null;
      }
    })();
    await this.syncing;
  }
}
