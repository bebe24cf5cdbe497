// Files of the map's layers for GIS tools and spreadsheets (docs/interop.md#exports).
export * from './layers.js';
export * from './geometry.js';
export { csvHeader, csvRow } from './csv.js';
export { geoJsonClosing, geoJsonFeature, geoJsonOpening } from './geojson.js';
export { encodeGbk, shapefileParts, WGS84_PRJ, type ShapefileParts } from './shapefile.js';
export { gpkgGeometry, gpkgTable, type GpkgTable } from './gpkg.js';
export { crc32, zipStored, type ZipEntry } from './zip.js';
export { contentDisposition, exportNames } from './file-name.js';
