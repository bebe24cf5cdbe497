import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, test } from 'vitest';
import { mvtTileSql, mvtTileStatement, type TileParams } from '../../db/queries/tiles.js';
import { tileLayerNames } from '../../server/domain/tile-layers.js';

const dialect = new PgDialect();
const period = { from: new Date('2024-10-01T00:00:00Z'), to: new Date('2026-11-02T00:00:00Z') };

// The statement built once per shape must be the very statement mvtTileSql builds for that tile, values included:
// a value left in the text of the first tile asked for would be served for every later tile of its shape.
describe('mvtTileStatement', () => {
  const shapes: Omit<TileParams, 'layer' | 'z' | 'x' | 'y'>[] = [
    { scope: { districtCode: null } },
    { scope: { districtCode: '310107' } },
    { scope: { districtCode: null }, district: '310106' },
    { scope: { districtCode: '310107' }, district: '310107', ...period },
    { scope: { districtCode: null }, ...period },
  ];
  test.each(tileLayerNames)('%s: the text and values of mvtTileSql, for each shape and each tile', (layer) => {
    for (const shape of shapes) {
      for (const [z, x, y] of [[12, 3425, 1663], [9, 428, 207], [16, 54810, 26617]]) {
        const p: TileParams = { layer, z, x, y, ...shape };
        const expected = dialect.sqlToQuery(mvtTileSql(p));
        const actual = mvtTileStatement(p);
        expect(actual.sql, JSON.stringify(p)).toBe(expected.sql);
        expect(actual.params, JSON.stringify(p)).toEqual(expected.params);
      }
    }
  });
});
