import { z } from 'zod';
import { tileLayerNames, tileMaxZoom, tileMinZoom } from '../domain/tile-layers.js';
import { checkTimeRange, timeRangeShape } from './params.js';

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

export const tileQuerySchema = z
  .object({ from: timeRangeShape.from.optional(), to: timeRangeShape.to.optional() })
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
