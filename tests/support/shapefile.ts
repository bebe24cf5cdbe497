import iconv from 'iconv-lite';
import { zipStored } from '../../server/interop/zip.js';

// A zipped point shapefile with any text fields, as desktop GIS in China writes one: DBF text in GBK unless the
// caller names UTF-8, a .cpg only when asked for, and the .prj given (or none).

export interface PointFeature {
  lon: number;
  lat: number;
  fields: Record<string, string>;
}

export function pointShapefileZip(features: readonly PointFeature[], options: { encoding?: 'gbk' | 'utf-8'; cpg?: string; prj?: string } = {}): Uint8Array {
  const encode = (text: string) => new Uint8Array(options.encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'gbk'));
  const shp = new Uint8Array(100 + features.length * 28);
  const view = new DataView(shp.buffer);
  view.setInt32(0, 9994, false);
  view.setInt32(24, shp.length / 2, false);
  view.setInt32(28, 1000, true);
  view.setInt32(32, 1, true);
  features.forEach((f, i) => {
    const at = 100 + i * 28;
    view.setInt32(at, i + 1, false);
    view.setInt32(at + 4, 10, false);
    view.setInt32(at + 8, 1, true);
    view.setFloat64(at + 12, f.lon, true);
    view.setFloat64(at + 20, f.lat, true);
  });
  const names = Object.keys(features[0]?.fields ?? {});
  const width = (name: string) => Math.max(1, ...features.map((f) => encode(f.fields[name] ?? '').length));
  const widths = names.map(width);
  const headerLength = 32 + 32 * names.length + 1;
  const recordLength = 1 + widths.reduce((a, b) => a + b, 0);
  const dbf = new Uint8Array(headerLength + recordLength * features.length + 1);
  const d = new DataView(dbf.buffer);
  dbf[0] = 0x03;
  d.setUint32(4, features.length, true);
  d.setUint16(8, headerLength, true);
  d.setUint16(10, recordLength, true);
  names.forEach((name, i) => {
    dbf.set(encode(name).subarray(0, 10), 32 + 32 * i);
    dbf[32 + 32 * i + 11] = 'C'.charCodeAt(0);
    dbf[32 + 32 * i + 16] = widths[i];
  });
  dbf[headerLength - 1] = 0x0d;
  features.forEach((f, r) => {
    let at = headerLength + r * recordLength;
    dbf[at++] = 0x20;
    names.forEach((name, i) => {
      const bytes = encode(f.fields[name] ?? '');
      dbf.fill(0x20, at, at + widths[i]);
      dbf.set(bytes, at);
      at += widths[i];
    });
  });
  dbf[dbf.length - 1] = 0x1a;
  const entries = [
    { name: 'layer.shp', data: shp },
    { name: 'layer.shx', data: new Uint8Array(100) },
    { name: 'layer.dbf', data: dbf },
    ...(options.prj ? [{ name: 'layer.prj', data: new TextEncoder().encode(options.prj) }] : []),
    ...(options.cpg ? [{ name: 'layer.cpg', data: new TextEncoder().encode(options.cpg) }] : []),
  ];
  return zipStored(entries, new Date('2026-11-01T00:00:00Z'));
}
