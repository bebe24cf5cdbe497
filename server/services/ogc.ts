// The OGC API – Features (/ogc) for GIS clients: the landing page, conformance, the collections and their items, in
// the reader's scope (a GIS token's or a session's district), as JSON / GeoJSON or as a readable HTML page.
import type { OgcItemsQuery } from '../contract/ogc.js';
import { CRS84, OGC_DEFAULT_LIMIT, OGC_MAX_LIMIT, ogcCollectionIds, ogcCollections, ogcConformance, ogcFormats, type OgcCollectionId, type OgcFormat } from '../domain/ogc.js';
import { ogcOpenApi, OPENAPI_MEDIA_TYPE } from '../domain/ogc-openapi.js';
import { renderOgcHtml, type OgcHtmlPage, type OgcLink } from '../domain/ogc-html.js';
import { ogcExtent, ogcFeature, ogcHasTimeField, ogcItems, ogcKeyIsInteger } from '../../db/queries/ogc-features.js';
import type { Scope } from '../../db/queries/queryable.js';
import type { Deps } from './deps.js';
import { notFound, ServiceError } from './errors.js';

type OgcDeps = Pick<Deps, 'database' | 'now'>;

export interface OgcAnswer {
  mediaType: string;
  body: string;
}

/** Where the API lives as the client called it (`http://host:port/ogc`), and the answer's format. */
export interface OgcRequest {
  base: string;
  format: OgcFormat;
  scope: Scope;
}

const REL_CONFORMANCE = 'http://www.opengis.net/def/rel/ogc/1.0/conformance';
const REL_DATA = 'http://www.opengis.net/def/rel/ogc/1.0/data';
const REL_ITEMS = 'items';

/** `self` in the answer's format and `alternate` in the other one, both carrying `f` so that either can be bookmarked. */
function selfLinks(href: string, format: OgcFormat, jsonType: string = ogcFormats.json): OgcLink[] {
  const withF = (f: OgcFormat) => `${href}${href.includes('?') ? '&' : '?'}f=${f}`;
  const json = { href: withF('json'), type: jsonType, title: 'JSON' };
  const html = { href: withF('html'), type: ogcFormats.html, title: 'HTML' };
  return format === 'json' ? [{ ...json, rel: 'self' }, { ...html, rel: 'alternate' }] : [{ ...html, rel: 'self' }, { ...json, rel: 'alternate' }];
}

/** A property's value as a table cell: nothing for null, JSON for a list or an object. */
const cellText = (value: unknown): string =>
  value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);

const jsonAnswer = (value: unknown, mediaType: string = ogcFormats.json): OgcAnswer => ({ mediaType, body: JSON.stringify(value) });
const htmlAnswer = (page: OgcHtmlPage): OgcAnswer => ({ mediaType: `${ogcFormats.html}; charset=utf-8`, body: renderOgcHtml(page) });

export function ogcLanding(r: OgcRequest): OgcAnswer {
  const title = 'JointOps 校外培训联合执法 OGC API – Features';
  const description = 'Districts, streets, grid cells, institutions, clues and campaign targets as GeoJSON features (CRS84).';
  const links: OgcLink[] = [
    ...selfLinks(`${r.base}`, r.format),
    { href: `${r.base}/api?f=json`, rel: 'service-desc', type: OPENAPI_MEDIA_TYPE, title: 'The API definition (OpenAPI 3.0)' },
    { href: `${r.base}/api?f=html`, rel: 'service-doc', type: ogcFormats.html, title: 'The API definition as a page' },
    { href: `${r.base}/conformance`, rel: 'conformance', type: ogcFormats.json, title: 'Conformance classes' },
    { href: `${r.base}/conformance`, rel: REL_CONFORMANCE, type: ogcFormats.json, title: 'Conformance classes' },
    { href: `${r.base}/collections`, rel: 'data', type: ogcFormats.json, title: 'Collections' },
    { href: `${r.base}/collections`, rel: REL_DATA, type: ogcFormats.json, title: 'Collections' },
  ];
  if (r.format === 'html') return htmlAnswer({ title, description, links });
  return jsonAnswer({ title, description, links });
}

export function ogcApiAnswer(r: OgcRequest): OgcAnswer {
  const definition = ogcOpenApi(r.base);
  if (r.format === 'json') return jsonAnswer(definition, OPENAPI_MEDIA_TYPE);
  const rows = Object.entries(definition.paths).map(([path, { get }]) => ['GET', { text: path, href: `${r.base}${path === '/' ? '' : path}` }, get.summary]);
  return htmlAnswer({
    title: definition.info.title,
    description: definition.info.description,
    links: selfLinks(`${r.base}/api`, r.format, OPENAPI_MEDIA_TYPE),
    table: { columns: ['Method', 'Path', 'Answers'], rows },
  });
}

export function ogcConformanceAnswer(r: OgcRequest): OgcAnswer {
  const links = selfLinks(`${r.base}/conformance`, r.format);
  if (r.format === 'html')
    return htmlAnswer({ title: 'Conformance', links, table: { columns: ['Conformance class'], rows: ogcConformance.map((c) => [c]) } });
  return jsonAnswer({ conformsTo: ogcConformance, links });
}

async function collectionDocument(deps: OgcDeps, r: OgcRequest, id: OgcCollectionId) {
  const info = ogcCollections[id];
  const bbox = await ogcExtent(deps.database, { collection: id, scope: r.scope });
  const href = `${r.base}/collections/${id}`;
  return {
    id,
    title: info.title,
    description: info.description,
    itemType: 'feature',
    crs: [CRS84],
    storageCrs: CRS84,
    extent: { spatial: { bbox: bbox ? [bbox] : [], crs: CRS84 } },
    links: [
      ...selfLinks(href, r.format),
      { href: `${href}/items?f=json`, rel: REL_ITEMS, type: ogcFormats.geojson, title: `${info.title} (GeoJSON)` },
      { href: `${href}/items?f=html`, rel: REL_ITEMS, type: ogcFormats.html, title: `${info.title} (HTML)` },
    ],
  };
}

type CollectionDocument = Awaited<ReturnType<typeof collectionDocument>>;

const collectionFacts = (c: CollectionDocument): [string, string][] => [
  ['id', c.id],
  ['extent', c.extent.spatial.bbox[0]?.map((n) => n.toFixed(5)).join(', ') ?? '(empty)'],
  ['time field', ogcCollections[c.id].timeField ?? '(none)'],
  ['crs', c.crs.join(', ')],
];

export async function ogcCollectionList(deps: OgcDeps, r: OgcRequest): Promise<OgcAnswer> {
  const collections = await Promise.all(ogcCollectionIds.map((id) => collectionDocument(deps, r, id)));
  const links = selfLinks(`${r.base}/collections`, r.format);
  if (r.format === 'html')
    return htmlAnswer({
      title: 'Collections',
      links,
      table: {
        columns: ['id', 'title', 'description'],
        rows: collections.map((c) => [{ text: c.id, href: `${r.base}/collections/${c.id}?f=html` }, c.title, c.description]),
      },
    });
  return jsonAnswer({ links, collections });
}

export async function ogcCollection(deps: OgcDeps, r: OgcRequest, id: OgcCollectionId): Promise<OgcAnswer> {
  const c = await collectionDocument(deps, r, id);
  if (r.format === 'html') return htmlAnswer({ title: c.title, description: c.description, links: c.links, facts: collectionFacts(c) });
  return jsonAnswer(c);
}

/** The query of a page as a query string, without `f` (each link adds its own). */
function itemsQueryString(q: OgcItemsQuery, raw: Record<string, string>, after?: string): string {
  const params = new URLSearchParams();
  if (raw.bbox !== undefined) params.set('bbox', raw.bbox);
  if (raw['bbox-crs'] !== undefined) params.set('bbox-crs', raw['bbox-crs']);
  if (raw.datetime !== undefined) params.set('datetime', raw.datetime);
  params.set('limit', String(q.limit));
  if (after !== undefined) params.set('after', after);
  return params.toString();
}

const invalidQuery = (parameter: string, message: string) =>
  new ServiceError('validation_failed', `invalid query: ${parameter}: ${message}`, { target: 'query', issues: [{ path: [parameter], message, code: 'custom' }] });

/**
 * One page of a collection's features. `raw` is the query as sent, so that the links repeat the client's own
 * bbox and datetime text; paging is by key (`after` = the last id shown), so pages stay stable while features are added.
 */
export async function ogcItemsAnswer(deps: OgcDeps, r: OgcRequest, id: OgcCollectionId, q: OgcItemsQuery, raw: Record<string, string>): Promise<OgcAnswer> {
  if (q.datetime && !ogcHasTimeField(id)) throw invalidQuery('datetime', `the collection ${id} has no time field`);
  if (q.after !== undefined && ogcKeyIsInteger(id) && !/^\d{1,9}$/.test(q.after))
    throw invalidQuery('after', `the collection ${id} pages by its integer ids: after is the last id of the page before`);
  const page = await ogcItems(deps.database, { collection: id, scope: r.scope, bbox: q.bbox, datetime: q.datetime, limit: q.limit, after: q.after });
  const href = `${r.base}/collections/${id}/items`;
  const links: OgcLink[] = [
    ...selfLinks(`${href}?${itemsQueryString(q, raw, q.after)}`, r.format, ogcFormats.geojson),
    { href: `${r.base}/collections/${id}?f=${r.format}`, rel: 'collection', type: r.format === 'json' ? ogcFormats.json : ogcFormats.html, title: ogcCollections[id].title },
  ];
  if (page.nextAfter !== null)
    links.push({
      href: `${href}?${itemsQueryString(q, raw, page.nextAfter)}&f=${r.format}`,
      rel: 'next',
      type: r.format === 'json' ? ogcFormats.geojson : ogcFormats.html,
      title: 'next page',
    });
  if (r.format === 'html') {
    const features = JSON.parse(page.features) as { id: string | number; properties: Record<string, unknown> }[];
    const columns = [...new Set(features.flatMap((f) => Object.keys(f.properties)))];
    return htmlAnswer({
      title: `${ogcCollections[id].title}: features`,
      links,
      facts: [
        ['numberMatched', String(page.numberMatched)],
        ['numberReturned', String(page.numberReturned)],
        ['limit', `${q.limit} (default ${OGC_DEFAULT_LIMIT}, at most ${OGC_MAX_LIMIT})`],
      ],
      table: {
        columns: ['id', ...columns],
        rows: features.map((f) => [
          { text: String(f.id), href: `${href}/${encodeURIComponent(String(f.id))}?f=html` },
          ...columns.map((c) => cellText(f.properties[c])),
        ]),
      },
    });
  }
  // The features pass through as the database wrote them; only the envelope is assembled here.
  const envelope = JSON.stringify({ type: 'FeatureCollection', numberMatched: page.numberMatched, numberReturned: page.numberReturned, timeStamp: deps.now().toISOString(), links });
  return { mediaType: ogcFormats.geojson, body: `${envelope.slice(0, -1)},"features":${page.features}}` };
}

export async function ogcFeatureAnswer(deps: OgcDeps, r: OgcRequest, id: OgcCollectionId, featureId: string): Promise<OgcAnswer> {
  const text = await ogcFeature(deps.database, { collection: id, scope: r.scope, id: featureId });
  if (text === null) throw notFound(`feature ${featureId} of ${id}`);
  const href = `${r.base}/collections/${id}/items/${encodeURIComponent(featureId)}`;
  const links: OgcLink[] = [
    ...selfLinks(href, r.format, ogcFormats.geojson),
    { href: `${r.base}/collections/${id}?f=${r.format}`, rel: 'collection', type: r.format === 'json' ? ogcFormats.json : ogcFormats.html, title: ogcCollections[id].title },
  ];
  if (r.format === 'html') {
    const feature = JSON.parse(text) as { properties: Record<string, unknown>; geometry: { type: string } | null };
    return htmlAnswer({
      title: `${ogcCollections[id].title}: ${featureId}`,
      links,
      facts: [['geometry', feature.geometry?.type ?? '(none)'], ...Object.entries(feature.properties).map(([k, v]): [string, string] => [k, cellText(v)])],
    });
  }
  return { mediaType: ogcFormats.geojson, body: `${text.slice(0, -1)},"links":${JSON.stringify(links)}}` };
}
