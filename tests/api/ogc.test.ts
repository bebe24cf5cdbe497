import { beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { listAudit } from '../../db/queries/audit.js';
import { sessionTokenHash } from '../../server/auth/session-token.js';
import { loginCookie, sendJson, testApp, type TestApp } from '../support/api.js';
import { testDatabase } from '../support/db.js';

const putuo = '310107';
let app: TestApp;
let database: Database;
let admin: string;
let leader: string;
let citySecret: string;
let putuoSecret: string;

async function issue(body: unknown, cookie = admin) {
  return sendJson(app, 'POST', '/api/gis-tokens', body, cookie);
}

async function ogc(path: string, secret: string | null = citySecret, headers: Record<string, string> = {}) {
  const response = await app.request(path, { headers: { ...(secret ? { Authorization: `Bearer ${secret}` } : {}), ...headers } });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return { status: response.status, headers: response.headers, text, body: type.includes('json') ? JSON.parse(text) : null };
}

/** A link's path and query, as the app is called in-process with them. */
const local = (href: string) => {
  const url = new URL(href);
  return `${url.pathname}${url.search}`;
};

const count = async (query: ReturnType<typeof sql>) => Number((await database.rows(query))[0].n);

beforeAll(async () => {
  app = await testApp();
  database = await testDatabase();
  [admin, leader] = await Promise.all(['admin', 'putuo_leader'].map((u) => loginCookie(app, u)));
  citySecret = (await issue({ name: 'QGIS 指挥中心', districtCode: null })).body.secret;
  putuoSecret = (await issue({ name: 'QGIS 普陀', districtCode: putuo })).body.secret;
});

describe('GIS tokens', () => {
  test('an administrator issues a token: the secret is answered once, only its hash is stored, the issue is audited', async () => {
    const before = (await listAudit(database, { limit: 1 })).entries[0].id;
    const { status, body } = await issue({ name: 'ogr2ogr 夜间同步', districtCode: putuo });
    expect(status).toBe(201);
    expect(body.secret).toMatch(/^jogis_[A-Za-z0-9_-]{43}$/);
    expect(body.token).toMatchObject({ name: 'ogr2ogr 夜间同步', districtCode: putuo, createdBy: 'admin', lastUsedAt: null, revokedAt: null });
    const [stored] = await database.rows(sql`SELECT token_hash AS "tokenHash" FROM gis_tokens WHERE id = ${body.token.id}`);
    expect(stored.tokenHash).toBe(sessionTokenHash(body.secret));
    expect(JSON.stringify(await database.rows(sql`SELECT * FROM gis_tokens`))).not.toContain(body.secret);
    const [entry] = (await listAudit(database, { limit: 5 })).entries.filter((e) => e.id > before);
    expect(entry).toMatchObject({ actor: 'admin', action: 'gis_token.issue', entityId: String(body.token.id), after: { name: 'ogr2ogr 夜间同步', districtCode: putuo } });
    expect(JSON.stringify(entry)).not.toContain(body.secret);
  });

  test('bad input is a 4xx naming the field, and nothing is written', async () => {
    const n = await count(sql`SELECT count(*)::int AS n FROM gis_tokens`);
    const blank = await issue({ name: '  ', districtCode: null });
    expect(blank.status).toBe(400);
    expect(blank.body.error.message).toContain('name');
    const unknown = await issue({ name: 'x', districtCode: '319999' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.message).toContain('districtCode');
    const extra = await issue({ name: 'x', districtCode: null, role: 'admin' });
    expect(extra.status).toBe(400);
    expect(await count(sql`SELECT count(*)::int AS n FROM gis_tokens`)).toBe(n);
  });

  test('only administrators list, issue and revoke tokens', async () => {
    expect((await issue({ name: 'x', districtCode: null }, leader)).status).toBe(403);
    expect((await app.request('/api/gis-tokens', { headers: { Cookie: leader } })).status).toBe(403);
    const list = await app.request('/api/gis-tokens', { headers: { Cookie: admin } });
    expect(list.status).toBe(200);
    const tokens = (await list.json()) as { name: string }[];
    expect(tokens.map((t) => t.name)).toEqual(expect.arrayContaining(['QGIS 指挥中心', 'QGIS 普陀']));
    expect(JSON.stringify(tokens)).not.toContain(citySecret);
  });

  test('an administrator bound to a district manages no tokens: a token could read beyond the account', async () => {
    const hash = (await database.rows(sql`SELECT password_hash FROM users WHERE username = 'admin'`))[0].password_hash;
    await database.rows(sql`
      INSERT INTO users (username, display_name, password_hash, role, district_code)
      VALUES ('putuo_admin', 'putuo_admin', ${hash}, 'admin', ${putuo}) ON CONFLICT (username) DO NOTHING`);
    const districtAdmin = await loginCookie(app, 'putuo_admin');
    const count = async () => Number((await database.rows(sql`SELECT count(*)::int AS n FROM gis_tokens`))[0].n);
    const before = await count();
    const refused = await issue({ name: 'wider than me', districtCode: null }, districtAdmin);
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).toContain('city-wide administrator');
    expect((await app.request('/api/gis-tokens', { headers: { Cookie: districtAdmin } })).status).toBe(403);
    expect(await count()).toBe(before);
  });

  test('a revoked token is refused with 401, an unknown one too; revoking twice is a conflict', async () => {
    const { body } = await issue({ name: '临时', districtCode: null });
    expect((await ogc('/ogc/collections', body.secret)).status).toBe(200);
    const revoked = await sendJson(app, 'POST', `/api/gis-tokens/${body.token.id}/revoke`, {}, admin);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    const refused = await ogc('/ogc/collections', body.secret);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('Bearer');
    expect(refused.body.error.message).toContain('revoked');
    expect((await ogc('/ogc/collections', 'jogis_not-a-token')).status).toBe(401);
    expect((await sendJson(app, 'POST', `/api/gis-tokens/${body.token.id}/revoke`, {}, admin)).status).toBe(409);
    expect((await sendJson(app, 'POST', `/api/gis-tokens/999999/revoke`, {}, admin)).status).toBe(404);
    expect((await sendJson(app, 'POST', `/api/gis-tokens/${body.token.id}/revoke`, {}, leader)).status).toBe(403);
  });

  test('a use is recorded as the token’s last use', async () => {
    const { body } = await issue({ name: '用一次', districtCode: null });
    await ogc('/ogc/conformance', body.secret);
    const [row] = await database.rows(sql`SELECT last_used_at IS NOT NULL AS used FROM gis_tokens WHERE id = ${body.token.id}`);
    expect(row.used).toBe(true);
  });
});

describe('access to /ogc', () => {
  test('without a token or session it is 401; with Basic credentials too; a browser session reads it', async () => {
    expect((await ogc('/ogc', null)).status).toBe(401);
    expect((await ogc('/ogc/collections/institutions/items', null)).status).toBe(401);
    expect((await ogc('/ogc', null, { Authorization: 'Basic YWRtaW46eA==' })).status).toBe(401);
    const viaCookie = await ogc('/ogc/collections/institutions/items?limit=1', null, { Cookie: leader });
    expect(viaCookie.status).toBe(200);
    expect(viaCookie.body.features[0].properties.districtCode).toBe(putuo);
  });

  test('a district token sees only its district’s features, and no other district’s feature by id', async () => {
    const expected = await count(sql`SELECT count(*)::int AS n FROM institutions WHERE district_code = ${putuo}`);
    const page = await ogc('/ogc/collections/institutions/items?limit=10000', putuoSecret);
    expect(page.body.numberMatched).toBe(expected);
    expect(new Set(page.body.features.map((f: any) => f.properties.districtCode))).toEqual(new Set([putuo]));
    const districts = await ogc('/ogc/collections/districts/items', putuoSecret);
    expect(districts.body.features.map((f: any) => f.id)).toEqual([putuo]);
    const [other] = await database.rows(sql`SELECT id FROM institutions WHERE district_code <> ${putuo} ORDER BY id LIMIT 1`);
    expect((await ogc(`/ogc/collections/institutions/items/${Number(other.id)}`, putuoSecret)).status).toBe(404);
    expect((await ogc(`/ogc/collections/institutions/items/${Number(other.id)}`, citySecret)).status).toBe(200);
  });
});

describe('OGC API – Features', () => {
  test('the landing page links the conformance classes and the collections', async () => {
    const { status, body, headers } = await ogc('/ogc');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toContain('application/json');
    const rels = body.links.map((l: any) => l.rel);
    expect(rels).toEqual(expect.arrayContaining(['self', 'alternate', 'conformance', 'data']));
    expect(body.links.find((l: any) => l.rel === 'alternate').type).toBe('text/html');
  });

  test('the API definition (service-desc) is an OpenAPI 3.0 document of every path, each of which answers', async () => {
    const landing = await ogc('/ogc');
    const desc = landing.body.links.find((l: any) => l.rel === 'service-desc');
    expect(desc.type).toBe('application/vnd.oai.openapi+json;version=3.0');
    expect(landing.body.links.find((l: any) => l.rel === 'service-doc').type).toBe('text/html');
    const { status, body, headers } = await ogc(local(desc.href));
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/vnd.oai.openapi+json;version=3.0');
    expect(body.openapi).toMatch(/^3\.0\.\d$/);
    expect(body.servers[0].url).toBe(new URL(desc.href).origin + '/ogc');
    expect(body.components.parameters.collectionId.schema.enum).toEqual((await ogc('/ogc/collections')).body.collections.map((c: any) => c.id));
    expect(body.components.parameters.limit.schema).toMatchObject({ minimum: 1, maximum: 10000, default: 1000 });
    expect(body.components.securitySchemes.gisToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    // Every path it names is served, and every $ref it makes is defined.
    const [first] = (await ogc('/ogc/collections/institutions/items?limit=1')).body.features;
    for (const path of Object.keys(body.paths)) {
      const concrete = path.replace('{collectionId}', 'institutions').replace('{featureId}', String(first.id));
      expect((await ogc(`/ogc${concrete === '/' ? '' : concrete}`)).status, concrete).toBe(200);
    }
    const refs = [...JSON.stringify(body).matchAll(/"\$ref":"#\/components\/(\w+)\/([\w-]+)"/g)];
    expect(refs.length).toBeGreaterThan(10);
    for (const [, group, name] of refs) expect(body.components[group][name], `${group}/${name}`).toBeDefined();
    const html = await ogc('/ogc/api?f=html');
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(html.text).toContain('/collections/{collectionId}/items');
  });

  test('conformance names Core, GeoJSON, HTML, OpenAPI 3.0 and CRS', async () => {
    const { body } = await ogc('/ogc/conformance');
    expect(body.conformsTo).toEqual(
      expect.arrayContaining([
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html',
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
        'http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs',
      ]),
    );
  });

  test('the collections are listed with their extent, CRS84 and items links', async () => {
    const { body } = await ogc('/ogc/collections');
    expect(body.collections.map((c: any) => c.id)).toEqual(['districts', 'streets', 'grid-cells', 'institutions', 'clues', 'campaign-targets']);
    const institutions = body.collections.find((c: any) => c.id === 'institutions');
    expect(institutions.crs).toEqual(['http://www.opengis.net/def/crs/OGC/1.3/CRS84']);
    const [minLon, minLat, maxLon, maxLat] = institutions.extent.spatial.bbox[0];
    expect(minLon).toBeGreaterThan(120.8);
    expect(maxLon).toBeLessThan(122.2);
    expect(minLat).toBeLessThan(maxLat);
    expect(institutions.links.find((l: any) => l.rel === 'items' && l.type === 'application/geo+json')).toBeDefined();
    expect((await ogc('/ogc/collections/institutions')).body.id).toBe('institutions');
    expect((await ogc('/ogc/collections/nope')).status).toBe(404);
    expect((await ogc('/ogc/collections/institutions/items/1/more')).status).toBe(404);
    expect((await ogc('/ogc/elsewhere')).status).toBe(404);
  });

  test('following next to the end returns every feature once, numberMatched equal to the count', async () => {
    const expected = await count(sql`SELECT count(*)::int AS n FROM institutions`);
    let path: string | undefined = '/ogc/collections/institutions/items?limit=700';
    const ids: number[] = [];
    let pages = 0;
    while (path) {
      const { status, body, headers } = await ogc(path);
      expect(status).toBe(200);
      expect(headers.get('content-type')).toBe('application/geo+json');
      expect(headers.get('content-crs')).toBe('<http://www.opengis.net/def/crs/OGC/1.3/CRS84>');
      expect(body.numberMatched).toBe(expected);
      expect(body.numberReturned).toBe(body.features.length);
      ids.push(...body.features.map((f: any) => f.id));
      const next = body.links.find((l: any) => l.rel === 'next');
      path = next ? local(next.href) : undefined;
      pages += 1;
    }
    expect(ids.length).toBe(expected);
    expect(new Set(ids).size).toBe(expected);
    expect(pages).toBe(Math.ceil(expected / 700));
  });

  test('text ids page in order too (districts, one at a time)', async () => {
    const expected = await count(sql`SELECT count(*)::int AS n FROM districts`);
    let path: string | undefined = '/ogc/collections/districts/items?limit=1';
    const ids: string[] = [];
    while (path) {
      const { body } = await ogc(path);
      ids.push(...body.features.map((f: any) => f.id));
      const next = body.links.find((l: any) => l.rel === 'next');
      path = next ? local(next.href) : undefined;
    }
    expect(ids).toHaveLength(expected);
    expect([...ids].sort()).toEqual(ids);
  });

  test('bbox keeps the features inside it', async () => {
    const bbox = [121.4, 31.2, 121.5, 31.3];
    const expected = await count(
      sql`SELECT count(*)::int AS n FROM institutions WHERE geom && ST_MakeEnvelope(${bbox[0]}::float8, ${bbox[1]}::float8, ${bbox[2]}::float8, ${bbox[3]}::float8, 4326)`,
    );
    expect(expected).toBeGreaterThan(0);
    const { body } = await ogc(`/ogc/collections/institutions/items?bbox=${bbox.join(',')}&limit=10000`);
    expect(body.numberMatched).toBe(expected);
    for (const f of body.features) {
      const [lon, lat] = f.geometry.coordinates;
      expect(lon >= bbox[0] && lon <= bbox[2] && lat >= bbox[1] && lat <= bbox[3]).toBe(true);
    }
    const next = (await ogc(`/ogc/collections/institutions/items?bbox=${bbox.join(',')}&limit=1`)).body.links.find((l: any) => l.rel === 'next');
    expect(new URL(next.href).searchParams.get('bbox')).toBe(bbox.join(','));
  });

  test('datetime filters clues on reportedAt: an interval, open ends and an instant', async () => {
    const from = '2026-10-01T00:00:00Z';
    const to = '2026-10-15T00:00:00Z';
    const inRange = await count(sql`SELECT count(*)::int AS n FROM clues WHERE reported_at >= ${from}::timestamptz AND reported_at <= ${to}::timestamptz`);
    const after = await count(sql`SELECT count(*)::int AS n FROM clues WHERE reported_at >= ${from}::timestamptz`);
    expect(inRange).toBeGreaterThan(0);
    const closed = await ogc(`/ogc/collections/clues/items?datetime=${from}/${to}&limit=10000`);
    expect(closed.body.numberMatched).toBe(inRange);
    for (const f of closed.body.features) expect(f.properties.reportedAt >= '2026-10-01' && f.properties.reportedAt <= '2026-10-15').toBe(true);
    expect((await ogc(`/ogc/collections/clues/items?datetime=${from}/..&limit=1`)).body.numberMatched).toBe(after);
    const [one] = await database.rows(sql`SELECT id, to_char(reported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at FROM clues ORDER BY id LIMIT 1`);
    const instant = await ogc(`/ogc/collections/clues/items?datetime=${String(one.at)}&limit=10000`);
    expect(instant.body.features.map((f: any) => f.id)).toContain(one.id);
    expect(instant.body.features.every((f: any) => f.properties.reportedAt === one.at)).toBe(true);
  });

  test('one feature by id, with its links', async () => {
    const [row] = await database.rows(sql`SELECT id, name FROM institutions ORDER BY id LIMIT 1`);
    const { status, body, headers } = await ogc(`/ogc/collections/institutions/items/${Number(row.id)}`);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/geo+json');
    expect(body).toMatchObject({ type: 'Feature', id: row.id, geometry: { type: 'Point' }, properties: { name: row.name } });
    expect(body.links.map((l: any) => l.rel)).toEqual(expect.arrayContaining(['self', 'alternate', 'collection']));
    expect((await ogc('/ogc/collections/institutions/items/99999999')).status).toBe(404);
  });

  test('every collection answers a page of features', async () => {
    for (const id of ['districts', 'streets', 'grid-cells', 'institutions', 'clues', 'campaign-targets']) {
      const { status, body } = await ogc(`/ogc/collections/${id}/items?limit=2`);
      expect(status, id).toBe(200);
      expect(body.type).toBe('FeatureCollection');
      expect(body.numberReturned).toBe(body.features.length);
    }
  });

  test('HTML by Accept or by f=html, JSON by f=json whatever Accept says', async () => {
    const browser = await ogc('/ogc/collections/institutions/items?limit=3', citySecret, { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' });
    expect(browser.headers.get('content-type')).toContain('text/html');
    expect(browser.text).toContain('numberMatched');
    expect(browser.text).toContain('next page');
    const byF = await ogc('/ogc/collections?f=html');
    expect(byF.headers.get('content-type')).toContain('text/html');
    expect(byF.text).toContain('institutions');
    const json = await ogc('/ogc/collections?f=json', citySecret, { Accept: 'text/html' });
    expect(json.headers.get('content-type')).toContain('application/json');
    expect(json.body.collections).toHaveLength(6);
  });

  test('bad parameters are a 400 naming the parameter', async () => {
    const cases: [string, string][] = [
      ['/ogc/collections/institutions/items?limit=0', 'limit'],
      ['/ogc/collections/institutions/items?limit=10001', 'limit'],
      ['/ogc/collections/institutions/items?limit=ten', 'limit'],
      ['/ogc/collections/institutions/items?bbox=1,2,3', 'bbox'],
      ['/ogc/collections/institutions/items?bbox=121.5,31,121.4,31.3', 'bbox'],
      ['/ogc/collections/clues/items?datetime=yesterday', 'datetime'],
      ['/ogc/collections/clues/items?datetime=2026-10-15T00:00:00Z/2026-10-01T00:00:00Z', 'datetime'],
      ['/ogc/collections/clues/items?datetime=../..', 'datetime'],
      ['/ogc/collections/districts/items?datetime=2026-10-01T00:00:00Z', 'datetime'],
      ['/ogc/collections/institutions/items?crs=EPSG:4326', 'crs'],
      ['/ogc/collections/institutions/items?colour=red', 'colour'],
      ['/ogc/collections?f=xml', 'f'],
      ['/ogc/collections/institutions/items?after=abc', 'after'],
      ['/ogc/collections/clues/items?after=99999999999', 'after'],
      ['/ogc/collections/grid-cells/items?after=-1', 'after'],
    ];
    for (const [path, parameter] of cases) {
      const { status, body } = await ogc(path);
      expect(status, path).toBe(400);
      expect(body.error.message, path).toContain(parameter);
    }
  });
});

test('the API only reads: a write is a 405 and changes nothing', async () => {
  const before = await count(sql`SELECT count(*)::int AS n FROM institutions`);
  const response = await app.request('/ogc/collections/institutions/items', {
    method: 'POST',
    headers: { Authorization: `Bearer ${citySecret}`, 'Content-Type': 'application/geo+json' },
    body: JSON.stringify({ type: 'Feature', geometry: { type: 'Point', coordinates: [121.4, 31.2] }, properties: { name: 'x' } }),
  });
  expect(response.status).toBe(405);
  expect(response.headers.get('allow')).toBe('GET, HEAD');
  expect(await count(sql`SELECT count(*)::int AS n FROM institutions`)).toBe(before);
});

describe('campaign targets', () => {
  test('the targets of a campaign’s current plan, one feature each with its visit days, in scope and by datetime', async () => {
    const [user] = await database.rows(sql`SELECT id FROM users WHERE username = 'planner'`);
    const at = '2026-11-01T00:00:00Z';
    const [campaign] = await database.rows(sql`
      INSERT INTO campaigns (status, current_version, districts, created_by, created_at, updated_at)
      VALUES ('active', 1, ARRAY['310107', '310106'], ${user.id}, ${at}::timestamptz, ${at}::timestamptz) RETURNING id`);
    const target = (refId: number, districtCode: string, location: [number, number]) => ({
      key: `institution:${refId}`, kind: 'institution', refId, name: `机构${refId}`, districtCode, riskTier: 'C', priority: 60, location,
    });
    const plan = {
      targets: [target(1, putuo, [121.39, 31.25]), target(2, '310106', [121.44, 31.23])],
      shifts: [],
      teams: [
        { id: 'a', districtCode: putuo, date: '2026-11-03', shiftId: 's', members: [], stops: [{ targetKey: 'institution:1' }] },
        { id: 'b', districtCode: putuo, date: '2026-11-05', shiftId: 's', members: [], stops: [{ targetKey: 'institution:1' }] },
        { id: 'c', districtCode: '310106', date: '2026-11-04', shiftId: 's', members: [], stops: [{ targetKey: 'institution:2' }] },
      ],
    };
    await database.rows(sql`
      INSERT INTO campaign_plans (campaign_id, campaign_version, plan, draw_record, created_by, created_at, updated_at)
      VALUES (${campaign.id}, 1, ${JSON.stringify(plan)}::json, '{}'::json, ${user.id}, ${at}::timestamptz, ${at}::timestamptz)`);
    const city = await ogc('/ogc/collections/campaign-targets/items');
    const ours = city.body.features.filter((f: any) => f.properties.campaignId === Number(campaign.id));
    expect(ours.map((f: any) => f.id)).toEqual([`${Number(campaign.id)}:institution:1`, `${Number(campaign.id)}:institution:2`]);
    expect(ours[0]).toMatchObject({
      geometry: { type: 'Point', coordinates: [121.39, 31.25] },
      properties: { firstDate: '2026-11-03', lastDate: '2026-11-05', visits: 2, districtCode: putuo, campaignStatus: 'active' },
    });
    const scoped = await ogc('/ogc/collections/campaign-targets/items', putuoSecret);
    expect(scoped.body.features.every((f: any) => f.properties.districtCode === putuo)).toBe(true);
    expect(scoped.body.features.some((f: any) => f.id === `${Number(campaign.id)}:institution:1`)).toBe(true);
    const onFourth = await ogc('/ogc/collections/campaign-targets/items?datetime=2026-11-04');
    const ids = onFourth.body.features.map((f: any) => f.id);
    expect(ids).toContain(`${Number(campaign.id)}:institution:1`); // visited on the 3rd and the 5th: the 4th lies between
    expect(ids).toContain(`${Number(campaign.id)}:institution:2`);
    const later = await ogc('/ogc/collections/campaign-targets/items?datetime=2026-11-05T00:00:00%2B08:00/..');
    expect(later.body.features.map((f: any) => f.id)).not.toContain(`${Number(campaign.id)}:institution:2`);
    const one = await ogc(`/ogc/collections/campaign-targets/items/${Number(campaign.id)}:institution:2`, putuoSecret);
    expect(one.status).toBe(404);
  });
});
