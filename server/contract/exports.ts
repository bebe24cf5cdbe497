import { createRoute, z } from '@hono/zod-openapi';
import { exportFormats, exportLayers, type ExportFormat, type ExportLayer } from '../interop/layers.js';
import { cluesQuerySchema } from './clues.js';
import { gridCellsQuerySchema } from './grid-cells.js';
import { institutionsQuerySchema } from './institutions.js';
import { streetsQuerySchema } from './streets.js';
import { errorResponses, protectedRoute } from './route-config.js';

// A map layer with its filter as a file for GIS tools and spreadsheets (docs/interop.md#exports). Each layer's filter
// is the query of its own endpoint, checked by the same schema; paging parameters are accepted and ignored, as a file
// holds every row of the filter.

export { exportFormats, exportLayers, type ExportFormat, type ExportLayer };

/** The query schema of each layer's own endpoint (GET /api/<layer>). */
export const exportQuerySchemas = {
  institutions: institutionsQuerySchema,
  clues: cluesQuerySchema,
  'grid-cells': gridCellsQuerySchema,
  streets: streetsQuerySchema,
  districts: z.object({}),
} satisfies Record<ExportLayer, z.ZodType>;

export type ExportQuery<L extends ExportLayer> = z.output<(typeof exportQuerySchemas)[L]>;

/** At most this many rows in one file: the city's clues of three years fit, and the file stays a download. */
export const MAX_EXPORT_ROWS = 100_000;

export const exportFileNames = exportLayers.flatMap((layer) => exportFormats.map((format) => `${layer}.${format}` as const));
export type ExportFileName = (typeof exportFileNames)[number];

export function parseExportFileName(name: ExportFileName): { layer: ExportLayer; format: ExportFormat } {
  const dot = name.indexOf('.');
  return { layer: name.slice(0, dot) as ExportLayer, format: name.slice(dot + 1) as ExportFormat };
}

export const exportContentTypes: Record<ExportFormat, string> = {
  geojson: 'application/geo+json',
  csv: 'text/csv; charset=utf-8',
  'shp.zip': 'application/zip',
  gpkg: 'application/geopackage+sqlite3',
};

const fileNameParam = z
  .enum(exportFileNames as [ExportFileName, ...ExportFileName[]])
  .openapi({ param: { name: 'file', in: 'path' }, example: 'institutions.gpkg', description: `<layer>.<format>: layers ${exportLayers.join(', ')}; formats ${exportFormats.join(', ')}` });

export const layerExportRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/exports/{file}',
    tags: ['exports'],
    summary:
      'A layer with its filter as GeoJSON (RFC 7946), CSV (UTF-8 with BOM), a zipped Shapefile (DBF in GBK) or a GeoPackage; the query is the layer endpoint’s own, the rows are the account’s district’s, the export is audited',
    request: { params: z.object({ file: fileNameParam }) },
    responses: {
      200: {
        description: 'the file, as an attachment',
        content: Object.fromEntries(Object.values(exportContentTypes).map((type) => [type.split(';')[0], { schema: z.string().openapi({ format: 'binary' }) }])),
      },
      422: errorResponses[422],
    },
  }),
);
