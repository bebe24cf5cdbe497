import { z } from 'zod';
import { tileLayerNames, tileMaxZoom, tileMinZoom } from '../domain/tile-layers.js';
import { shanghaiDistrict } from '../domain/districts.js';
import { checkTimeRange, districtCodeParam, timeRangeShape } from './params.js';

const tileIndex = z.string().regex(/^\d{1,7}$/, 'must be a whole number').transform(Number);

export const tileLayerParam = z.enum(tileLayerNames, { message: `layer must be one of ${tileLayerNames.join(', ')}` });

/** `/tiles/{layer}/{z}/{x}/{y}.mvt`: the route's parameters as hono hands them (y with its extension). */
export const tileAddressSchema = z.object({
  layer: tileLayerParam,
  z: tileIndex.pipe(z.number().int().min(tileMinZoom).max(tileMaxZoom, `z must be at most ${tileMaxZoom}`)),
  x: tileIndex,
  y: z
    .string()
    .regex(/^\d{1,7}\.mvt$/, 'must be a whole number followed by .mvt')
    .transform((text) => Number(text.slice(0, -4))),
});

/** A district of the city: a well-formed code that names none would only ever draw empty tiles. */
const tileDistrictParam = districtCodeParam.refine((code) => shanghaiDistrict(code) !== undefined, 'district must be one of the city’s districts');

export const tileQuerySchema = z
  .object({ from: timeRangeShape.from.optional(), to: timeRangeShape.to.optional(), district: tileDistrictParam.optional() })
  .strict()
  .superRefine(checkTimeRange);
export type TileQuery = z.infer<typeof tileQuerySchema>;

/** `/tiles/{layer}.json` */
export const tileJsonAddressSchema = z.object({
  file: z
    .string()
    .regex(/^[a-z-]+\.json$/, 'must be {layer}.json')
    .transform((text) => text.slice(0, -5))
    .pipe(tileLayerParam),
});

export interface TileJson {
  tilejson: '3.0.0';
  name: string;
  description: string;
  tiles: string[];
  minzoom: number;
  maxzoom: number;
  bounds: [number, number, number, number];
  vector_layers: { id: string; description: string; fields: Record<string, string>; minzoom: number; maxzoom: number }[];
}
