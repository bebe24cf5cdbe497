// The OGC API's definition (Part 1, requirements class "OpenAPI 3.0"): an OpenAPI 3.0 document of /ogc's paths, its
// parameters with their limits, and the bearer token it needs, so that a client (QGIS, GDAL, a code generator) can
// read what the server takes without the documentation.
import { CRS84, OGC_DEFAULT_LIMIT, OGC_MAX_LIMIT, ogcCollectionIds, ogcCollections, ogcFormats } from './ogc.js';

export const OPENAPI_MEDIA_TYPE = 'application/vnd.oai.openapi+json;version=3.0';

const ref = (name: string) => ({ $ref: `#/components/parameters/${name}` });
const errorResponse = (description: string) => ({ description, content: { [ogcFormats.json]: { schema: { $ref: '#/components/schemas/error' } } } });
const jsonOrHtml = (description: string, jsonType: string = ogcFormats.json) => ({
  description,
  content: { [jsonType]: { schema: { type: 'object' } }, [ogcFormats.html]: { schema: { type: 'string' } } },
});
const refusals = {
  '400': errorResponse('A parameter is not valid; the message names it.'),
  '401': errorResponse('No bearer token (or session), or one unknown or revoked.'),
};

export function ogcOpenApi(base: string) {
  return {
    openapi: '3.0.3',
    info: {
      title: 'JointOps 校外培训联合执法 OGC API – Features',
      version: '1.0.0',
      description: `Read-only features in ${CRS84}. Every answer is scoped to the reader: a district token sees its district alone.`,
    },
    servers: [{ url: base }],
    security: [{ gisToken: [] }],
    paths: {
      '/': { get: { operationId: 'getLandingPage', summary: 'Landing page', parameters: [ref('f')], responses: { '200': jsonOrHtml('Links to the API definition, conformance and collections.'), ...refusals } } },
      '/api': { get: { operationId: 'getApiDefinition', summary: 'This document', parameters: [ref('f')], responses: { '200': jsonOrHtml('The API definition.', OPENAPI_MEDIA_TYPE), ...refusals } } },
      '/conformance': { get: { operationId: 'getConformance', summary: 'Conformance classes', parameters: [ref('f')], responses: { '200': jsonOrHtml('conformsTo'), ...refusals } } },
      '/collections': { get: { operationId: 'getCollections', summary: 'The collections', parameters: [ref('f')], responses: { '200': jsonOrHtml('The collections with their extent in the reader’s scope.'), ...refusals } } },
      '/collections/{collectionId}': {
        get: {
          operationId: 'describeCollection',
          summary: 'One collection',
          parameters: [ref('collectionId'), ref('f')],
          responses: { '200': jsonOrHtml('The collection.'), ...refusals, '404': errorResponse('No such collection.') },
        },
      },
      '/collections/{collectionId}/items': {
        get: {
          operationId: 'getFeatures',
          summary: 'A page of features',
          parameters: [ref('collectionId'), ref('limit'), ref('bbox'), ref('bbox-crs'), ref('crs'), ref('datetime'), ref('after'), ref('f')],
          responses: { '200': jsonOrHtml('A FeatureCollection with numberMatched, numberReturned and a next link while more follow.', ogcFormats.geojson), ...refusals, '404': errorResponse('No such collection.') },
        },
      },
      '/collections/{collectionId}/items/{featureId}': {
        get: {
          operationId: 'getFeature',
          summary: 'One feature',
          parameters: [ref('collectionId'), { name: 'featureId', in: 'path', required: true, schema: { type: 'string' } }, ref('crs'), ref('f')],
          responses: { '200': jsonOrHtml('The feature.', ogcFormats.geojson), ...refusals, '404': errorResponse('No such feature in the reader’s scope.') },
        },
      },
    },
    components: {
      securitySchemes: { gisToken: { type: 'http', scheme: 'bearer', description: 'A GIS token (jogis_…) issued by a city-wide administrator.' } },
      parameters: {
        collectionId: {
          name: 'collectionId',
          in: 'path',
          required: true,
          schema: { type: 'string', enum: [...ogcCollectionIds] },
          description: ogcCollectionIds.map((id) => `${id}: ${ogcCollections[id].title}`).join('; '),
        },
        f: { name: 'f', in: 'query', required: false, schema: { type: 'string', enum: ['json', 'html'] }, description: 'The answer’s format; without it, Accept decides.' },
        limit: { name: 'limit', in: 'query', required: false, style: 'form', explode: false, schema: { type: 'integer', minimum: 1, maximum: OGC_MAX_LIMIT, default: OGC_DEFAULT_LIMIT } },
        bbox: {
          name: 'bbox',
          in: 'query',
          required: false,
          style: 'form',
          explode: false,
          schema: { type: 'array', minItems: 4, maxItems: 6, items: { type: 'number' } },
          description: 'minLon,minLat,maxLon,maxLat (heights of a 3D box are ignored), CRS84.',
        },
        'bbox-crs': { name: 'bbox-crs', in: 'query', required: false, schema: { type: 'string', enum: [CRS84] } },
        crs: { name: 'crs', in: 'query', required: false, schema: { type: 'string', enum: [CRS84] } },
        datetime: {
          name: 'datetime',
          in: 'query',
          required: false,
          schema: { type: 'string' },
          description: 'An RFC 3339 instant, a date (a day of Asia/Shanghai) or an interval start/end with .. for an open end; on collections with a time field.',
        },
        after: { name: 'after', in: 'query', required: false, schema: { type: 'string' }, description: 'The cursor of a next link.' },
      },
      schemas: {
        error: {
          type: 'object',
          required: ['error'],
          properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} } } },
        },
      },
    },
  };
}

export type OgcOpenApi = ReturnType<typeof ogcOpenApi>;
