import { createRoute, z } from '@hono/zod-openapi';
import { importCrses, importFormats, importLayers, LAYER_FIELDS, POSITION_FIELDS } from '../domain/import-vocabulary.js';
import { jsonQueryParam } from './params.js';
import { errorResponses, jsonContent, protectedRoute } from './route-config.js';

// 图层导入 (`?page=imports`): an administrator sends a layer's file (GeoJSON, CSV, zipped Shapefile) as the request
// body, reads the dry run's report per row, and sends the same file again with dryRun=false to write it, every row or
// none. The same import as `npm run import` (docs/interop.md#imports).

/** Every field a layer's columns can be mapped to by hand: the layer's own and the CSV's position columns. */
const MAPPABLE_FIELDS = [...new Set([...Object.values(LAYER_FIELDS).flatMap((fields) => Object.keys(fields)), ...POSITION_FIELDS])];

const mappingParam = jsonQueryParam(z.partialRecord(z.enum(MAPPABLE_FIELDS as [string, ...string[]]), z.string().min(1).max(200)), {
  name: 'mapping',
  maxLength: 4000,
  shape: '{"field": "column header"}',
  hint: `fields: ${MAPPABLE_FIELDS.join(', ')}`,
  // JSON has no undefined values: each key present holds a header.
}).transform((mapping) => mapping as Record<string, string>);

export const layerImportQuerySchema = z
  .object({
    layer: z.enum(importLayers),
    fileName: z.string().trim().min(1).max(255).openapi({ description: 'the file’s name: its extension tells the format', example: 'institutions.csv' }),
    encoding: z.enum(['auto', 'utf-8', 'gbk']).default('auto'),
    crs: z.enum(importCrses).optional().openapi({ description: 'the coordinates’ system; else the .prj’s or the GeoJSON’s, else WGS84' }),
    mapping: mappingParam.optional().openapi({ description: 'JSON {"field": "column header"}', example: '{"name":"机构"}' }),
    dryRun: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  })
  .strict()
  .openapi('LayerImportQuery');
export type LayerImportQuery = z.input<typeof layerImportQuerySchema>;
export type LayerImportQueryValues = z.output<typeof layerImportQuerySchema>;

export const layerImportReportSchema = z
  .object({
    layer: z.enum(importLayers),
    file: z.string(),
    format: z.enum(importFormats),
    encoding: z.enum(['utf-8', 'gbk']).nullable(),
    crs: z.enum(importCrses),
    notes: z.array(z.string()),
    dryRun: z.boolean(),
    committed: z.boolean(),
    records: z.number().int(),
    imported: z.number().int(),
    /** The file's columns (attributes), and the column each field was read from. */
    columns: z.array(z.string()),
    fields: z.record(z.string(), z.string()),
    /** The first thousand problems, in file order; problemCount counts them all. */
    problems: z.array(z.object({ path: z.string(), message: z.string() })),
    problemCount: z.number().int(),
  })
  .openapi('LayerImportReport');
export type LayerImportReportBody = z.output<typeof layerImportReportSchema>;

/** The largest file: 100,000 institutions in CSV are about 12 MB. */
export const MAX_LAYER_IMPORT_BYTES = 32 * 1024 * 1024;

export const layerImportRoute = createRoute(
  protectedRoute({
    method: 'post',
    path: '/layer-imports',
    tags: ['interop'],
    summary: 'Import a layer’s file (city-wide administrators): the report per row, written with dryRun=false every row or none (audited)',
    request: { query: layerImportQuerySchema },
    responses: {
      200: jsonContent(layerImportReportSchema, 'the report; committed says whether the rows were written'),
      413: errorResponses[413],
      422: errorResponses[422],
    },
  }),
);
