/**
 * The demo road network (People's Square, © OpenStreetMap contributors, ODbL 1.0 — see ATTRIBUTION.md). It is
 * committed both as the OSM extract and as the network built from it by `npm run import:osm -- --out`, so the
 * seed loads it without parsing XML; a test checks that the two agree.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { Database } from '../../client.js';
import { replaceRoadNetwork, type StoredRoadNetwork } from '../../queries/roads.js';

export const DEMO_OSM_FILE = fileURLToPath(new URL('./jingan-huangpu.osm.gz', import.meta.url));
export const DEMO_NETWORK_FILE = fileURLToPath(new URL('./jingan-huangpu.network.json.gz', import.meta.url));
export const DEMO_NETWORK_ATTRIBUTION = '© OpenStreetMap contributors (ODbL 1.0)';

export function readDemoRoadNetwork(): StoredRoadNetwork {
  return JSON.parse(gunzipSync(readFileSync(DEMO_NETWORK_FILE)).toString('utf8')) as StoredRoadNetwork;
}

/** Replaces the stored road network by the demo one; returns its size. */
export async function importDemoRoadNetwork(
  database: Database,
  onProgress?: (message: string) => void,
): Promise<{ nodes: number; edges: number }> {
  const network = readDemoRoadNetwork();
  onProgress?.(`road network: ${network.nodes.length} nodes, ${network.edges.length} edges (${DEMO_NETWORK_ATTRIBUTION})`);
  await replaceRoadNetwork(database, network);
  return { nodes: network.nodes.length, edges: network.edges.length };
}
