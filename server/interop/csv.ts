// CSV that Excel opens with the Chinese intact: the BOM, bilingual headers as the lists' CSV has them, points as
// 经度/纬度 columns (a spreadsheet can plot those) and polygons as WKT (what GIS tools import from a text column).
import { csvField, UTF8_BOM, type CsvValue } from '../domain/csv.js';
import { toWkt } from './geometry.js';
import { columnValue, layerSpecs, type ExportFeature, type ExportLayer } from './layers.js';

const bilingual = (zh: string, en: string) => `${zh} (${en})`;
const line = (values: readonly CsvValue[]) => `${values.map(csvField).join(',')}\r\n`;

export function csvHeader(layer: ExportLayer): string {
  const spec = layerSpecs[layer];
  const geometry = spec.geometry === 'point' ? [bilingual('经度', 'Longitude'), bilingual('纬度', 'Latitude')] : [bilingual('几何', 'Geometry WKT')];
  return `${UTF8_BOM}${line([...spec.columns.map((col) => bilingual(col.zh, col.en)), ...geometry])}`;
}

export function csvRow(layer: ExportLayer, feature: ExportFeature): string {
  const spec = layerSpecs[layer];
  const values: CsvValue[] = spec.columns.map((col) => {
    const v = columnValue(feature, col);
    return typeof v === 'boolean' ? (v ? 'true' : 'false') : v;
  });
  const g = feature.geometry;
  if (spec.geometry === 'point') values.push(...(g?.type === 'Point' ? [g.coordinates[0], g.coordinates[1]] : [null, null]));
  else values.push(g ? toWkt(g) : null);
  return line(values);
}
