import type { Database } from '../../db/client.js';
import { roadNetworkVersion } from '../../db/queries/patrol.js';
import { loadRoadNetwork } from '../../db/queries/roads.js';
import type { RoadNetworkData } from '../routing/network/index.js';

export interface NetworkSnapshot {
  version: string;
  /** null when no road network is stored: every route is then a straight-line estimate. */
  data: RoadNetworkData | null;
}

/** The stored road network, read again only when its version changed (after an import). */
export function roadNetworkSource(database: Database): () => Promise<NetworkSnapshot> {
  let cached: NetworkSnapshot | null = null;
  let loading: Promise<NetworkSnapshot> | null = null;
  return async () => {
    const version = await roadNetworkVersion(database);
    if (cached?.version === version) return cached;
    if (loading) return loading;
    loading = (async () => {
      const stored = await loadRoadNetwork(database);
      cached = { version, data: stored.edges.length > 0 ? stored : null };
      return cached;
    })().finally(() => (loading = null));
    return loading;
  };
}
