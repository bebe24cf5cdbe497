/** Reads the committed source data of the demo build (db/seed/data) and converts it to what the database stores. */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { gcj02ToWgs84Geometry, type AreaGeometry } from './generate/gcj02.js';
import { SHANGHAI_DISTRICTS } from './generate/districts-meta.js';

const dataFile = (name: string) => fileURLToPath(new URL(`./data/${name}`, import.meta.url));

export interface DistrictSource {
  code: string;
  name: string;
  nameEn: string;
  /** WGS84. */
  geometry: AreaGeometry;
}

export interface StreetSource {
  code: string;
  name: string;
  districtCode: string;
}

interface DistrictFeatureCollection {
  type: 'FeatureCollection';
  features: { properties: { code: string; name: string }; geometry: AreaGeometry }[];
}

/** The district borders exactly as published (GCJ-02). */
export function readDistrictsGcj02(): DistrictFeatureCollection {
  const text = gunzipSync(readFileSync(dataFile('shanghai_districts.geojson.gz'))).toString('utf8');
  return JSON.parse(text) as DistrictFeatureCollection;
}

/** The 16 districts in WGS84, with English names; fails if the file and the district list disagree. */
export function readDistricts(): DistrictSource[] {
  const collection = readDistrictsGcj02();
  const byCode = new Map(collection.features.map((f) => [f.properties.code, f]));
  return SHANGHAI_DISTRICTS.map((meta) => {
    const feature = byCode.get(meta.code);
    if (!feature) throw new Error(`district ${meta.code} ${meta.name} is missing from shanghai_districts.geojson.gz`);
    if (feature.properties.name !== meta.name) {
      throw new Error(`district ${meta.code} is named ${feature.properties.name} in the data, expected ${meta.name}`);
    }
    return { code: meta.code, name: meta.name, nameEn: meta.nameEn, geometry: gcj02ToWgs84Geometry(feature.geometry) };
  });
}

export function readStreets(): StreetSource[] {
  const parsed = JSON.parse(readFileSync(dataFile('shanghai-streets.json'), 'utf8')) as { streets: StreetSource[] };
  const districtCodes = new Set(SHANGHAI_DISTRICTS.map((d) => d.code));
  for (const street of parsed.streets) {
    if (!districtCodes.has(street.districtCode)) throw new Error(`街镇 ${street.code} ${street.name} has unknown district ${street.districtCode}`);
  }
  return parsed.streets;
}
