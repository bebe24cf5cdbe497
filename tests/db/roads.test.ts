import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../db/client.js';
import { loadRoadNetwork, replaceRoadNetwork, roadNetworkCounts } from '../../db/queries/roads.js';
import { importDemoRoadNetwork, readDemoRoadNetwork } from '../../db/seed/osm/index.js';
import { computeTravelCosts, prepareRoadNetwork, roadNetworkFromOsmXml, type RoadNetworkData } from '../../server/routing/network/index.js';
import { type LonLat } from '../../server/domain/geodesy.js';
import { demoOsmText } from '../server/routing/network/load-fixtures.js';
import { testDatabase } from '../support/db.js';

// The shared database of the db run: DATABASE_URL's engine, else PGlite in memory. This file leaves the road
// tables holding the demo network, as the seed does.
let database: Database;
const fromOsm: RoadNetworkData = roadNetworkFromOsmXml(demoOsmText()).network;

beforeAll(async () => {
  database = await testDatabase();
});

afterAll(async () => {
  if (database) await importDemoRoadNetwork(database);
});

const byId = <T extends { id: number }>(items: T[]) => [...items].sort((a, b) => a.id - b.id);
const edgeKey = (edge: RoadNetworkData['edges'][number]) => `${edge.source}>${edge.target}:${edge.osmWayId}`;

describe(`road network storage (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  test('imports the demo network parsed from OSM and reads it back unchanged', async () => {
    let lastProgress: [number, number] = [0, 0];
    await replaceRoadNetwork(database, fromOsm, (done, total) => (lastProgress = [done, total]));
    expect(lastProgress).toEqual([fromOsm.nodes.length + fromOsm.edges.length, fromOsm.nodes.length + fromOsm.edges.length]);

    const loaded = await loadRoadNetwork(database);
    expect(byId(loaded.nodes)).toEqual(byId(fromOsm.nodes));
    expect(loaded.edges).toHaveLength(fromOsm.edges.length);
    const original = new Map(fromOsm.edges.map((edge) => [edgeKey(edge), edge]));
    for (const edge of loaded.edges) {
      const expected = original.get(edgeKey(edge))!;
      expect({ ...edge, coordinates: undefined }).toEqual({ ...expected, coordinates: undefined });
      expect(edge.coordinates).toEqual(expected.coordinates);
    }
  });

  test('PostGIS measures the stored roads as the importer did', async () => {
    const counts = await roadNetworkCounts(database);
    expect(counts.nodes).toBe(fromOsm.nodes.length);
    expect(counts.edges).toBe(fromOsm.edges.length);
    const importerKilometres = fromOsm.edges.reduce((sum, edge) => sum + edge.lengthMetres, 0) / 1000;
    // Spheroid (PostGIS) against sphere (haversine): within 0.5 %.
    expect(Math.abs(counts.kilometres - importerKilometres) / importerKilometres).toBeLessThan(0.005);
  });

  test('a network read back routes exactly like the one parsed', async () => {
    const locations: LonLat[] = [[121.4737, 31.2304], [121.4800, 31.2350], [121.4680, 31.2250], [121.4750, 31.2380]];
    const direct = computeTravelCosts(prepareRoadNetwork(fromOsm), locations, { departureHour: 18 });
    const stored = computeTravelCosts(prepareRoadNetwork(await loadRoadNetwork(database)), locations, { departureHour: 18 });
    expect(stored.durations).toEqual(direct.durations);
    expect(stored.distances).toEqual(direct.distances);
    expect(direct.approximate).toBe(false);
  });

  test('a bounding box returns the edges meeting it and the vertices they need', async () => {
    const bbox = { minLon: 121.47, minLat: 31.228, maxLon: 121.476, maxLat: 31.233 };
    const part = await loadRoadNetwork(database, bbox);
    expect(part.edges.length).toBeGreaterThan(0);
    expect(part.edges.length).toBeLessThan(fromOsm.edges.length / 2);
    const ids = new Set(part.nodes.map((node) => node.id));
    for (const edge of part.edges) {
      expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
      const lons = edge.coordinates.map((c) => c[0]);
      const lats = edge.coordinates.map((c) => c[1]);
      expect(Math.max(...lons) >= bbox.minLon && Math.min(...lons) <= bbox.maxLon).toBe(true);
      expect(Math.max(...lats) >= bbox.minLat && Math.min(...lats) <= bbox.maxLat).toBe(true);
    }
    expect(() => prepareRoadNetwork(part)).not.toThrow();
  });

  test('replacing is all or nothing: a bad edge leaves the previous network in place', async () => {
    const broken: RoadNetworkData = {
      nodes: [{ id: 1, lon: 121.4, lat: 31.2 }],
      edges: [{ osmWayId: 9, source: 1, target: 2, highway: 'residential', name: null, oneway: false, lengthMetres: 1, speedKmh: 20, coordinates: [[121.4, 31.2], [121.401, 31.2]] }],
    };
    await expect(replaceRoadNetwork(database, broken)).rejects.toThrow();
    expect((await roadNetworkCounts(database)).edges).toBe(fromOsm.edges.length);
  });

  test('the committed demo network is the one the importer builds from the committed OSM file', async () => {
    expect(readDemoRoadNetwork()).toEqual(fromOsm);
    expect(await importDemoRoadNetwork(database)).toEqual({ nodes: fromOsm.nodes.length, edges: fromOsm.edges.length });
    expect((await roadNetworkCounts(database)).edges).toBe(fromOsm.edges.length);
  });
});
