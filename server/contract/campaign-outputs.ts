import { createRoute, z } from '@hono/zod-openapi';
import { drawNoticeSchema, dispatchSheetSchema } from '../planning/dispatch/schema.js';
import { dispatchQuerySchema } from './campaign-plans.js';
import { idParamsSchema } from './params.js';
import { errorResponses, jsonContent, protectedRoute } from './route-config.js';

// What a planned campaign hands out (docs/campaigns-outputs.md): the dispatch sheets (派单) as JSON for the print view
// and as an A4 PDF, the 一公开 notice of its draw as JSON and CSV, and CSV/GeoJSON exports of targets, routes and
// assignments. All are made from the stored plan of the campaign's current version.

export const exportFiles = ['targets.csv', 'targets.geojson', 'routes.csv', 'routes.geojson', 'assignments.csv', 'assignments.geojson'] as const;
export type ExportFile = (typeof exportFiles)[number];

const fileContent = (type: string, description: string) => ({ description, content: { [type]: { schema: z.string().openapi({ format: type === 'application/pdf' ? 'binary' : undefined }) } } });

export const dispatchSheetsRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/campaigns/{id}/plan/dispatch',
    tags: ['campaigns'],
    summary: 'The dispatch sheets (派单) of the plan, one per team and shift with stops; filter by district, date, team',
    request: { params: idParamsSchema, query: dispatchQuerySchema },
    responses: { 200: jsonContent(z.array(dispatchSheetSchema), 'the sheets in district, date and team order'), 404: errorResponses[404] },
  }),
);

export const dispatchPdfRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/campaigns/{id}/plan/dispatch.pdf',
    tags: ['campaigns'],
    summary: 'The dispatch sheets as one A4 PDF (zh-CN, Noto Sans SC embedded); the export is audited',
    request: { params: idParamsSchema, query: dispatchQuerySchema },
    responses: { 200: fileContent('application/pdf', 'the PDF'), 404: errorResponses[404] },
  }),
);

export const drawNoticeRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/campaigns/{id}/plan/draw-notice',
    tags: ['campaigns'],
    summary: '一公开: the public notice of the plan’s 双随机 draw (method, ratio, seed, its commitment, pool hash, objects)',
    request: { params: idParamsSchema },
    responses: { 200: jsonContent(drawNoticeSchema, 'the notice'), 404: errorResponses[404] },
  }),
);

export const drawNoticeCsvRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/campaigns/{id}/plan/draw-notice.csv',
    tags: ['campaigns'],
    summary: '一公开 notice as CSV (UTF-8 with BOM, opens in Excel); the export is audited',
    request: { params: idParamsSchema },
    responses: { 200: fileContent('text/csv', 'the CSV'), 404: errorResponses[404] },
  }),
);

export const planExportRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/campaigns/{id}/plan/export/{file}',
    tags: ['campaigns'],
    summary: 'Targets, routes or assignments of the plan as CSV (UTF-8 with BOM) or GeoJSON (RFC 7946); audited',
    request: { params: idParamsSchema.extend({ file: z.enum(exportFiles).openapi({ param: { name: 'file', in: 'path' }, example: 'targets.csv' }) }) },
    responses: { 200: fileContent('text/csv', 'the CSV, or application/geo+json for .geojson'), 404: errorResponses[404] },
  }),
);
