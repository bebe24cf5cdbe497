import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

export function gridOsmText(): string {
  return readFileSync(`${root}tests/fixtures/osm-small/grid.osm`, 'utf8');
}

/** The committed demo network (People's Square, ODbL). */
export function demoOsmText(): string {
  return gunzipSync(readFileSync(`${root}db/seed/osm/jingan-huangpu.osm.gz`)).toString('utf8');
}
