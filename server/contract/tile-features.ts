import type { z } from 'zod';
import { cluePropertiesSchema } from './clues.js';
import { institutionPropertiesSchema } from './institutions.js';

// What a vector tile's feature carries (server/domain/tile-layers.ts names the fields), as the map reads it: the
// fields of the GeoJSON features that drawing, the tooltip and a click need; the detail is asked for by id.

export const institutionTilePropertiesSchema = institutionPropertiesSchema.pick({
  id: true,
  name: true,
  category: true,
  status: true,
  listStatus: true,
  districtCode: true,
});
export type InstitutionTileProperties = z.infer<typeof institutionTilePropertiesSchema>;

export const clueTilePropertiesSchema = cluePropertiesSchema.pick({
  id: true,
  status: true,
  source: true,
  suspectedType: true,
  districtCode: true,
  reportedAt: true,
});
export type ClueTileProperties = z.infer<typeof clueTilePropertiesSchema>;
