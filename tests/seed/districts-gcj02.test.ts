import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { along, length, lineString, pointToLineDistance } from '@turf/turf';
import type { Feature, LineString } from 'geojson';
import { readDistricts, readDistrictsGcj02, readStreets } from '../../db/seed/source-data.js';
import { gcj02ToWgs84Geometry, gcj02ToWgs84Position, type AreaGeometry } from '../../db/seed/generate/gcj02.js';

// OSM roads around People's Square (ODbL, © OpenStreetMap contributors), WGS84.
const roads = JSON.parse(
  gunzipSync(readFileSync(fileURLToPath(new URL('../fixtures/osm/fixture_jingan_huangpu_roads.geojson.gz', import.meta.url)))).toString('utf8'),
) as { features: Feature<LineString, { name?: string }>[] };
// 黄浦's western border at People's Square follows 成都北路 under the 南北高架路 (North–South Elevated Road).
const borderRoads = roads.features.filter((f) => /成都北路|南北高架路/.test(f.properties.name ?? ''));

/** Distances (m) from points every 20 m along 黄浦's western border between 31.228° and 31.236° N to the nearest of those roads. */
function westernBorderDistancesMetres(geometry: AreaGeometry): number[] {
  const ring = geometry.type === 'Polygon' ? geometry.coordinates[0] : geometry.coordinates[0][0];
  const distances: number[] = [];
  for (let k = 0; k + 1 < ring.length; k++) {
    const edge = lineString([ring[k], ring[k + 1]]);
    const edgeMetres = length(edge, { units: 'meters' });
    for (let at = 0; at < edgeMetres; at += 20) {
      const [lon, lat] = along(edge, at, { units: 'meters' }).geometry.coordinates;
      if (lat < 31.228 || lat > 31.236 || lon > 121.475) continue;
      distances.push(Math.min(...borderRoads.map((road) => pointToLineDistance([lon, lat], road, { units: 'meters' }))));
    }
  }
  return distances;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe('district borders: GCJ-02 source converted to WGS84', () => {
  it('finds the border roads in the OSM fixture', () => {
    expect(borderRoads.length).toBeGreaterThan(5);
  });

  it('puts 黄浦’s western border on 成都北路 / 南北高架 after conversion, not before', () => {
    const huangpuGcj = readDistrictsGcj02().features.find((f) => f.properties.code === '310101')!;
    const huangpuWgs = readDistricts().find((d) => d.code === '310101')!;
    const before = westernBorderDistancesMetres(huangpuGcj.geometry);
    const after = westernBorderDistancesMetres(huangpuWgs.geometry);
    expect(before.length).toBeGreaterThan(20);
    expect(after.length).toBeGreaterThan(20);
    expect(median(before)).toBeGreaterThan(300);
    expect(median(after)).toBeLessThan(100);
  });

  it('shifts Shanghai coordinates by the GCJ-02 offset (about 430 m west and 210 m north)', () => {
    const [lon, lat] = gcj02ToWgs84Position([121.4737, 31.2304]);
    expect(lon).toBeLessThan(121.4737);
    expect(121.4737 - lon).toBeGreaterThan(0.003);
    expect(121.4737 - lon).toBeLessThan(0.006);
    expect(lat - 31.2304).toBeGreaterThan(0.001);
    expect(lat - 31.2304).toBeLessThan(0.003);
  });

  it('converts every vertex of polygons and multipolygons and refuses other input', () => {
    const polygon: AreaGeometry = { type: 'Polygon', coordinates: [[[121.4, 31.2], [121.5, 31.2], [121.5, 31.3], [121.4, 31.2]]] };
    const converted = gcj02ToWgs84Geometry(polygon);
    expect(converted.coordinates[0]).toHaveLength(4);
    expect(gcj02ToWgs84Geometry({ type: 'MultiPolygon', coordinates: [polygon.coordinates] }).coordinates[0]).toEqual(converted.coordinates);
    expect(() => gcj02ToWgs84Geometry({ type: 'Point', coordinates: [1, 2] } as never)).toThrow(/Polygon or MultiPolygon/);
    expect(() => gcj02ToWgs84Position([Number.NaN, 31])).toThrow(/not a coordinate/);
  });

  it('has the 16 current districts and their 234 街镇, none under the merged 闸北区', () => {
    const districts = readDistricts();
    expect(districts.map((d) => d.code)).toHaveLength(16);
    expect(districts.find((d) => d.code === '310108')).toBeUndefined();
    const streets = readStreets();
    expect(streets).toHaveLength(234);
    expect(streets.filter((s) => s.districtCode === '310107').map((s) => s.name)).toContain('长征镇');
    expect(streets.every((s) => s.code.startsWith(s.districtCode))).toBe(true);
  });
});
