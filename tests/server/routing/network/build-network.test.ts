import { describe, expect, test } from 'vitest';
import { buildRoadNetwork, effectiveSpeedKmh, isDrivable, onewayDirection, parseMaxspeedKmh, parseOsmXml, roadNetworkFromOsmXml, RoadNetworkInputError } from '../../../../server/routing/network/index.js';
import { haversineDistanceMetres } from '../../../../server/domain/geodesy.js';
import { demoOsmText, gridOsmText } from './load-fixtures.js';

describe('road classes', () => {
  test('keeps drivable highways and drops paths, closed and area ways', () => {
    expect(isDrivable({ highway: 'residential' })).toBe(true);
    expect(isDrivable({ highway: 'trunk_link' })).toBe(true);
    expect(isDrivable({ highway: 'living_street' })).toBe(true);
    expect(isDrivable({ highway: 'footway' })).toBe(false);
    expect(isDrivable({ highway: 'cycleway' })).toBe(false);
    expect(isDrivable({ building: 'yes' })).toBe(false);
    expect(isDrivable({ highway: 'service', access: 'no' })).toBe(false);
    expect(isDrivable({ highway: 'service', access: 'no', motorcar: 'yes' })).toBe(true);
    expect(isDrivable({ highway: 'service', access: 'private' })).toBe(true);
    expect(isDrivable({ highway: 'service', area: 'yes' })).toBe(false);
  });

  test('reads oneway values and the implied oneways', () => {
    expect(['yes', 'true', '1', 'YES'].map((oneway) => onewayDirection({ highway: 'primary', oneway }))).toEqual(['forward', 'forward', 'forward', 'forward']);
    expect(onewayDirection({ highway: 'primary', oneway: '-1' })).toBe('backward');
    expect(onewayDirection({ highway: 'primary', oneway: 'no' })).toBe('both');
    expect(onewayDirection({ highway: 'primary' })).toBe('both');
    expect(onewayDirection({ highway: 'primary', junction: 'roundabout' })).toBe('forward');
    expect(onewayDirection({ highway: 'motorway' })).toBe('forward');
    expect(onewayDirection({ highway: 'motorway', oneway: 'no' })).toBe('both');
  });

  test('parses maxspeed and applies the realised share, else the class default', () => {
    expect(parseMaxspeedKmh('40')).toBe(40);
    expect(parseMaxspeedKmh('40 km/h')).toBe(40);
    expect(parseMaxspeedKmh('30 mph')).toBeCloseTo(48.28, 2);
    expect(parseMaxspeedKmh('60;40')).toBe(40);
    expect(parseMaxspeedKmh('signals')).toBeNull();
    expect(parseMaxspeedKmh(undefined)).toBeNull();
    expect(effectiveSpeedKmh({ highway: 'secondary', maxspeed: '40' })).toBeCloseTo(28, 10);
    expect(effectiveSpeedKmh({ highway: 'secondary' })).toBe(30);
    expect(effectiveSpeedKmh({ highway: 'secondary', maxspeed: 'none' })).toBe(30);
    expect(effectiveSpeedKmh({ highway: 'living_street', maxspeed: '5' })).toBe(5);
  });
});

describe('buildRoadNetwork on the hand-made grid', () => {
  const { network, report } = buildRoadNetwork(parseOsmXml(gridOsmText()));
  const edge = (source: number, target: number) => network.edges.find((e) => e.source === source && e.target === target);

  test('splits ways at intersections only and keeps graph vertices, not shape points', () => {
    expect(network.nodes.map((node) => node.id).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 20, 21, 22]);
    expect(network.edges).toHaveLength(14);
    expect(report).toEqual({ waysUsed: 8, waysSkipped: 2, missingNodeRefs: 0, duplicateEdges: 0 });
    expect(edge(1, 2)!.coordinates).toEqual([[121.4, 31.2], [121.4005, 31.1995], [121.401, 31.2]]);
  });

  test('measures edges by haversine along their shape', () => {
    const south = edge(1, 2)!;
    const expected = haversineDistanceMetres(121.4, 31.2, 121.4005, 31.1995) + haversineDistanceMetres(121.4005, 31.1995, 121.401, 31.2);
    expect(south.lengthMetres).toBeCloseTo(expected, 9);
    // 0.001° of latitude is R·π/180000 m.
    expect(edge(1, 4)!.lengthMetres).toBeCloseTo((6_371_008.8 * Math.PI) / 180_000, 6);
  });

  test('orients oneway=-1 ways along their legal direction', () => {
    expect(edge(9, 6)).toMatchObject({ oneway: true, highway: 'tertiary' });
    expect(edge(6, 3)).toMatchObject({ oneway: true });
    expect(edge(3, 6)).toBeUndefined();
    expect(edge(9, 6)!.coordinates[0]).toEqual([121.402, 31.202]);
  });

  test('keeps names, classes, oneway flags and speeds', () => {
    expect(edge(2, 5)).toMatchObject({ osmWayId: 111, name: '中路 & 北行', oneway: true, highway: 'secondary' });
    expect(edge(2, 5)!.speedKmh).toBeCloseTo(28, 10);
    expect(edge(7, 8)).toMatchObject({ oneway: false, speedKmh: 20, name: null });
  });

  test('drops references to nodes missing from a clipped extract and de-duplicates repeated roads', () => {
    const text = `<osm><node id="1" lat="31.2" lon="121.4"/><node id="2" lat="31.201" lon="121.4"/>
      <way id="7"><nd ref="1"/><nd ref="2"/><nd ref="1"/><tag k="highway" v="residential"/><tag k="oneway" v="no"/></way>
      <way id="8"><nd ref="99"/><nd ref="2"/><nd ref="1"/><tag k="highway" v="residential"/></way></osm>`;
    const built = buildRoadNetwork(parseOsmXml(text));
    expect(built.network.edges).toHaveLength(1);
    expect(built.report.missingNodeRefs).toBe(1);
    expect(built.report.duplicateEdges).toBe(2);
  });

  test('a file without drivable roads is refused', () => {
    const text = `<osm><node id="1" lat="31.2" lon="121.4"/><node id="2" lat="31.201" lon="121.4"/>
      <way id="7"><nd ref="1"/><nd ref="2"/><tag k="highway" v="footway"/></way></osm>`;
    expect(() => roadNetworkFromOsmXml(text)).toThrow(RoadNetworkInputError);
    expect(() => roadNetworkFromOsmXml(text)).toThrow(/no drivable roads/);
  });
});

describe('the demo network', () => {
  test('becomes a network whose every edge is a valid line between known vertices', () => {
    const { network, report, fileCounts } = roadNetworkFromOsmXml(demoOsmText());
    expect(fileCounts).toEqual({ nodes: 2958, ways: 796, relations: 0 });
    // Three ways are access=no.
    expect(report.waysUsed).toBe(793);
    const ids = new Set(network.nodes.map((node) => node.id));
    for (const edge of network.edges) {
      expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
      expect(edge.coordinates.length).toBeGreaterThanOrEqual(2);
      expect(edge.lengthMetres).toBeGreaterThan(0);
      expect(edge.speedKmh).toBeGreaterThan(0);
    }
    const metres = network.edges.reduce((sum, edge) => sum + edge.lengthMetres, 0);
    expect(metres / 1000).toBeGreaterThan(50);
  });
});
