// The words of a layer import, shared by the readers (server/interop/import), the API's contract and the upload page:
// the layers, the formats and coordinate systems a file may come in, and each layer's fields with the headers they go by.

export const importFormats = ['geojson', 'csv', 'shapefile'] as const;
export type ImportFormat = (typeof importFormats)[number];
export const importCrses = ['wgs84', 'gcj02', 'bd09', 'cgcs2000'] as const;
export type ImportCrs = (typeof importCrses)[number];

export const importLayers = ['institutions', 'clues', 'grid-cells'] as const;
export type ImportLayer = (typeof importLayers)[number];

/** Each layer's fields and the headers they go by, the API's own name first. */
export const LAYER_FIELDS: Readonly<Record<ImportLayer, Readonly<Record<string, readonly string[]>>>> = {
  institutions: {
    name: ['name', '机构名称', '名称'],
    creditCode: ['creditCode', 'credit_code', '统一社会信用代码', '信用代码'],
    licenceNo: ['licenceNo', 'licence_no', 'licenseNo', '办学许可证号', '许可证号'],
    category: ['category', '类别', '机构类别'],
    nature: ['nature', '性质', '机构性质'],
    status: ['status', '状态', '机构状态'],
    address: ['address', '地址', '机构地址'],
  },
  clues: {
    reportedAt: ['reportedAt', 'reported_at', 'reported', '受理时间', '投诉时间', '报告时间', '时间'],
    address: ['address', '地址'],
    description: ['description', '内容', '线索内容', '问题描述'],
    suspectedType: ['suspectedType', 'suspected_type', 'susp_type', '疑似类型', '类型'],
    source: ['source', '来源'],
    kind: ['kind', '诉求类型'],
    externalId: ['externalId', 'external_id', '编号', '工单编号'],
  },
  'grid-cells': {
    code: ['code', '网格编码', '网格代码'],
    workerName: ['workerName', 'worker_name', 'worker', '网格员'],
    streetCode: ['streetCode', 'street_code', 'street', '街镇编码', '街镇代码'],
  },
};

/** The position columns of a CSV, which the reader turns into the geometry. */
export const POSITION_FIELDS = ['longitude', 'latitude', 'geometry'] as const;

/** The fields a row cannot go without. */
export const REQUIRED_FIELDS: Readonly<Record<ImportLayer, readonly string[]>> = {
  institutions: ['name', 'category', 'nature', 'status', 'address'],
  clues: ['reportedAt', 'address', 'description'],
  'grid-cells': ['code', 'workerName'],
};
