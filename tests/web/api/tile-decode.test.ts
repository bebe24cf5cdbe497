import { describe, expect, test } from 'vitest';
import { clueTilePropertiesSchema, institutionTilePropertiesSchema } from '../../../server/contract/tile-features.js';
import { tileExtent, tileLayers, tileOf } from '../../../server/domain/tile-layers.js';
import { encodeTile } from '../../../server/services/tile-encoder.js';
import { decodePointTile, mergeById } from '../../../web/api/tile-decode.js';
import { ApiError } from '../../../web/api/errors.js';

const z = 14;
const place = { lon: 121.4321, lat: 31.2345 };
const { x, y } = tileOf(place.lon, place.lat, z);

/** The position in whole tile units, as the SQL hands it to the encoder. */
function tileUnits(lon: number, lat: number): [number, number] {
  const n = 2 ** z;
  const px = ((lon + 180) / 360) * n;
  const sin = Math.sin((lat * Math.PI) / 180);
  const py = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * n;
  return [Math.round((px - x) * tileExtent), Math.round((py - y) * tileExtent)];
}

const institution = (id: number, lon = place.lon, lat = place.lat, properties: Record<string, string | number> = {}) => ({
  id,
  properties: { id, name: `机构${id}`, category: '学科类', status: 'unlicensed', listStatus: 'black', districtCode: '310107', ...properties },
  geometry: { type: 'Point', coordinates: tileUnits(lon, lat) },
});

describe('the map reads point tiles', () => {
  test('the contract and the tile layers name the same fields', () => {
    expect(Object.keys(institutionTilePropertiesSchema.shape).sort()).toEqual(Object.keys(tileLayers.institutions.fields).sort());
    expect(Object.keys(clueTilePropertiesSchema.shape).sort()).toEqual(Object.keys(tileLayers.clues.fields).sort());
  });

  test('positions come back in degrees within a tile unit, with their properties', () => {
    const bytes = encodeTile('institutions', [institution(7), institution(8, 121.435, 31.236)]);
    const features = decodePointTile(bytes, 'institutions', { z, x, y }, institutionTilePropertiesSchema);
    expect(features.map((f) => f.id)).toEqual([7, 8]);
    expect(features[0].properties).toEqual({ id: 7, name: '机构7', category: '学科类', status: 'unlicensed', listStatus: 'black', districtCode: '310107' });
    // A tile unit at z 14 is about 0.6 m: well within 1e-5 degrees.
    expect(features[0].geometry.coordinates[0]).toBeCloseTo(place.lon, 5);
    expect(features[0].geometry.coordinates[1]).toBeCloseTo(place.lat, 5);
    expect(features[1].geometry.coordinates[0]).toBeCloseTo(121.435, 5);
  });

  test('a layer the tile does not hold is no features', () => {
    const bytes = encodeTile('institutions', [institution(7)]);
    expect(decodePointTile(bytes, 'clues', { z, x, y }, clueTilePropertiesSchema)).toEqual([]);
  });

  test('properties that break the contract are an error naming the field, not a blank layer', () => {
    const bytes = encodeTile('institutions', [institution(7, place.lon, place.lat, { status: 'closed-down' })]);
    let error: unknown;
    try {
      decodePointTile(bytes, 'institutions', { z, x, y }, institutionTilePropertiesSchema);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('bad_response');
    expect((error as ApiError).message).toMatch(/status/);
  });

  test('bytes that are not a tile are an error', () => {
    expect(() => decodePointTile(new Uint8Array([0xff, 0xff, 0xff, 0x07]), 'institutions', { z, x, y }, institutionTilePropertiesSchema)).toThrow(ApiError);
  });

  test('a point in two tiles (one holds it in its buffer) is kept once', () => {
    const a = { properties: { id: 1, from: 'a' } };
    const b = { properties: { id: 1, from: 'b' } };
    const c = { properties: { id: 2, from: 'b' } };
    expect(mergeById([[a], [b, c]])).toEqual([a, c]);
  });
});
