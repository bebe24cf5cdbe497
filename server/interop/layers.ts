// The layers that can be exported, each with the columns its files hold. A column names its property, its header in
// both languages (a file travels further than its language setting), its type, and its field name in a shapefile's
// DBF, which allows at most 10 ASCII characters: that mapping is the one documented in docs/interop.md#exports.

export const exportLayers = ['institutions', 'clues', 'grid-cells', 'streets', 'districts'] as const;
export type ExportLayer = (typeof exportLayers)[number];

export const exportFormats = ['geojson', 'csv', 'shp.zip', 'gpkg'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export type ColumnType = 'text' | 'integer' | 'boolean';

export interface ExportColumn {
  /** The property of the layer's features. */
  key: string;
  zh: string;
  en: string;
  type: ColumnType;
  /** ≤ 10 ASCII characters, unique in the layer. */
  dbf: string;
}

export interface LayerSpec {
  /** The table in a GeoPackage, the base name of a shapefile's parts: ASCII, no dashes. */
  table: string;
  zh: string;
  en: string;
  geometry: 'point' | 'polygon';
  columns: readonly ExportColumn[];
}

const c = (key: string, zh: string, en: string, type: ColumnType, dbf: string): ExportColumn => ({ key, zh, en, type, dbf });

export const layerSpecs: Record<ExportLayer, LayerSpec> = {
  institutions: {
    table: 'institutions',
    zh: '校外培训机构',
    en: 'Institutions',
    geometry: 'point',
    columns: [
      c('id', '编号', 'ID', 'integer', 'id'),
      c('name', '名称', 'Name', 'text', 'name'),
      c('category', '类别', 'Category', 'text', 'category'),
      c('nature', '性质', 'Nature', 'text', 'nature'),
      c('status', '办学状态', 'Status', 'text', 'status'),
      c('listStatus', '黑白名单', 'List status', 'text', 'list_stat'),
      c('districtCode', '区县代码', 'District code', 'text', 'district'),
      c('gridCellId', '网格编号', 'Grid cell ID', 'integer', 'grid_cell'),
      c('lastInspectedOn', '最近检查日期', 'Last inspected on', 'text', 'last_insp'),
      c('synthetic', '模拟数据', 'Synthetic', 'boolean', 'synthetic'),
    ],
  },
  clues: {
    table: 'clues',
    zh: '线索',
    en: 'Clues',
    geometry: 'point',
    columns: [
      c('id', '编号', 'ID', 'integer', 'id'),
      c('source', '来源', 'Source', 'text', 'source'),
      c('reportedAt', '报告时间', 'Reported at', 'text', 'reported'),
      c('suspectedType', '疑似类型', 'Suspected type', 'text', 'susp_type'),
      c('status', '状态', 'Status', 'text', 'status'),
      c('institutionId', '机构编号', 'Institution ID', 'integer', 'inst_id'),
      c('districtCode', '区县代码', 'District code', 'text', 'district'),
      c('gridCellId', '网格编号', 'Grid cell ID', 'integer', 'grid_cell'),
      c('dueAt', '办理时限', 'Due at', 'text', 'due_at'),
      c('closedAt', '结案时间', 'Closed at', 'text', 'closed_at'),
      c('synthetic', '模拟数据', 'Synthetic', 'boolean', 'synthetic'),
    ],
  },
  'grid-cells': {
    table: 'grid_cells',
    zh: '网格',
    en: 'Grid cells',
    geometry: 'polygon',
    columns: [
      c('id', '编号', 'ID', 'integer', 'id'),
      c('code', '网格代码', 'Code', 'text', 'code'),
      c('districtCode', '区县代码', 'District code', 'text', 'district'),
      c('streetCode', '街镇代码', 'Street code', 'text', 'street'),
      c('workerName', '网格员', 'Grid worker', 'text', 'worker'),
      c('synthetic', '模拟数据', 'Synthetic', 'boolean', 'synthetic'),
      c('clueCount', '线索数', 'Clues', 'integer', 'clue_count'),
    ],
  },
  streets: {
    table: 'streets',
    zh: '街镇',
    en: 'Streets',
    geometry: 'polygon',
    columns: [
      c('code', '街镇代码', 'Code', 'text', 'code'),
      c('name', '名称', 'Name', 'text', 'name'),
      c('districtCode', '区县代码', 'District code', 'text', 'district'),
      c('synthetic', '模拟数据', 'Synthetic', 'boolean', 'synthetic'),
      c('gridCellCount', '网格数', 'Grid cells', 'integer', 'grid_cells'),
    ],
  },
  districts: {
    table: 'districts',
    zh: '区县',
    en: 'Districts',
    geometry: 'polygon',
    columns: [
      c('code', '区县代码', 'Code', 'text', 'code'),
      c('name', '名称', 'Name', 'text', 'name'),
      c('nameEn', '英文名称', 'Name (English)', 'text', 'name_en'),
      c('synthetic', '模拟数据', 'Synthetic', 'boolean', 'synthetic'),
      c('institutionCount', '机构数', 'Institutions', 'integer', 'inst_count'),
      c('clueCount', '线索数', 'Clues', 'integer', 'clue_count'),
      c('openClueCount', '未结线索数', 'Open clues', 'integer', 'open_clues'),
    ],
  },
};

export type PropertyValue = string | number | boolean | null;

/** One feature as the layer endpoints answer it; the geometry is null for a street whose grid cells are not built. */
export interface ExportFeature {
  id?: number | string;
  geometry: import('./geometry.js').Geometry | null;
  properties: Record<string, PropertyValue | undefined>;
}

/** A column's value of a feature, null when absent or of another type than the column's (never a guess). */
export function columnValue(feature: ExportFeature, column: ExportColumn): string | number | boolean | null {
  const v = feature.properties[column.key];
  if (v === undefined || v === null) return null;
  if (column.type === 'text') return typeof v === 'string' ? v : String(v);
  if (column.type === 'integer') return typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : null;
  return typeof v === 'boolean' ? v : null;
}
