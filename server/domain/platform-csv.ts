import { parseCsv } from './csv.js';
import { SHANGHAI_DISTRICT_NAMES } from './districts.js';
import type { InputIssue } from './errors.js';
import { isIsoDate, shanghaiInstant } from './time.js';
import type { SuspectedType } from './vocabulary.js';

// The national supervision platform's complaints export (全国校外教育培训监管与服务综合平台 投诉导出) read as clues: the
// file in UTF-8 or GBK (Excel on a Chinese Windows saves GBK), its columns found by their usual headers or mapped by
// hand, every row checked, and a report of every problem by row and column. The import is all or nothing: the caller
// writes the rows only when there is no problem, so a half-imported file never has to be untangled.

export const platformFields = ['externalId', 'reportedAt', 'districtName', 'address', 'description', 'category', 'institutionName', 'phone', 'lon', 'lat'] as const;
export type PlatformField = (typeof platformFields)[number];
/** The fields a row cannot do without; the others may have no column. */
export const PLATFORM_REQUIRED_FIELDS: readonly PlatformField[] = ['externalId', 'reportedAt', 'districtName', 'address', 'description'];
const REQUIRED = PLATFORM_REQUIRED_FIELDS;

/** The headers each field goes by in the exports seen, first the platform's own. */
export const PLATFORM_HEADERS: Readonly<Record<PlatformField, readonly string[]>> = {
  externalId: ['投诉编号', '工单编号', '编号', 'id'],
  reportedAt: ['投诉时间', '受理时间', '登记时间', 'reportedat'],
  districtName: ['所属区', '所属区县', '区', 'district'],
  address: ['投诉地址', '地址', '培训地址', 'address'],
  description: ['投诉内容', '问题描述', '内容', 'description'],
  category: ['投诉类型', '问题类型', '类型', 'category'],
  institutionName: ['被投诉机构', '机构名称', 'institution'],
  phone: ['联系电话', '投诉人电话', '电话', 'phone'],
  lon: ['经度', 'lon', 'lng'],
  lat: ['纬度', 'lat'],
};

/** The platform's complaint types, by the words in them, as the product's suspected types; the first match wins. */
const CATEGORY_WORDS: readonly [string, SuspectedType][] = [
  ['居民楼', 'residential_flat'],
  ['住宅', 'residential_flat'],
  ['一对一', 'one_to_one'],
  ['家教', 'one_to_one'],
  ['线上', 'online'],
  ['网络', 'online'],
  ['家政', 'housekeeping'],
  ['研学', 'study_tour'],
  ['游学', 'study_tour'],
  ['托管', 'daycare'],
  ['预收费', 'overcharging'],
  ['超前收费', 'overcharging'],
  ['收费', 'overcharging'],
  ['非学科', 'academic_in_nonacademic'],
  ['无证', 'unlicensed'],
  ['无照', 'unlicensed'],
];

export type Encoding = 'utf-8' | 'gbk';

/** The file's text: UTF-8 when it has the byte order mark or decodes cleanly, else GBK (unless one is named). */
export function decodeCsvBytes(bytes: Uint8Array, encoding: Encoding | 'auto' = 'auto'): { text: string; encoding: Encoding } {
  if (encoding === 'gbk') return { text: new TextDecoder('gbk').decode(bytes), encoding };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch (error) {
    if (encoding === 'utf-8' || bom) throw error;
    return { text: new TextDecoder('gbk').decode(bytes), encoding: 'gbk' };
  }
}

export type ColumnMapping = Partial<Record<PlatformField, number>>;

const normaliseHeader = (h: string) => h.replace(/^\uFEFF/, '').replace(/[\s*＊:：()（）]/g, '').toLowerCase();

/** Which column holds each field, found by the headers; a mapping given by hand (field → column index) overrides. */
export function mapColumns(header: readonly string[], byHand: ColumnMapping = {}): ColumnMapping {
  const names = header.map(normaliseHeader);
  const mapping: ColumnMapping = {};
  for (const field of platformFields) {
    const index = PLATFORM_HEADERS[field].map((h) => names.indexOf(normaliseHeader(h))).find((i) => i >= 0);
    if (index !== undefined) mapping[field] = index;
  }
  return { ...mapping, ...byHand };
}

export interface PlatformClue {
  /** The row's line in the file (1 = the header). */
  line: number;
  externalId: string;
  reportedAt: Date;
  districtCode: string;
  address: string;
  description: string;
  suspectedType: SuspectedType;
  institutionName: string | null;
  phone: string | null;
  /** As written in the file; the platform's maps are GCJ-02, so the importer converts them to WGS84. */
  position: { lon: number; lat: number } | null;
}

export interface PlatformImport {
  encoding: Encoding;
  /** The header row as decoded, so a client can show the columns and map them by hand. */
  header: string[];
  /** The first rows below the header as decoded (at most PLATFORM_SAMPLE_ROWS): a wrong encoding shows in them. */
  sample: string[][];
  mapping: ColumnMapping;
  rows: PlatformClue[];
  /** Every problem, by line and field; the import writes nothing unless this is empty. */
  problems: InputIssue[];
}

/** The rows of the file a preview shows. */
export const PLATFORM_SAMPLE_ROWS = 5;

/** The largest file the import reads at once: 20,000 complaints. */
export const MAX_PLATFORM_ROWS = 20_000;

/** "2026-10-03 14:22", "2026/10/3 14:22:05" or "2026-10-03T14:22:00+08:00": the platform writes Shanghai time. */
export function platformInstant(text: string): Date | null {
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(text);
  if (iso) {
    const d = new Date(text);
    return isIsoDate(text.slice(0, 10)) && !Number.isNaN(d.getTime()) ? d : null;
  }
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (!m) return null;
  const date = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const [h, min, s] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (!isIsoDate(date) || h > 23 || min > 59 || s > 59) return null;
  return shanghaiInstant(date, h * 3600 + min * 60 + s);
}

const districtOf = (name: string) => SHANGHAI_DISTRICT_NAMES.find((d) => d.name === name || d.name.replace(/新?区$/, '') === name.replace(/新?区$/, ''))?.code ?? null;

export function categoryOf(text: string): SuspectedType {
  return CATEGORY_WORDS.find(([word]) => text.includes(word))?.[1] ?? 'other';
}

/** Reads a complaints export; `now` refuses complaints dated in the future. */
export function readPlatformCsv(bytes: Uint8Array, options: { now: Date; encoding?: Encoding | 'auto'; mapping?: ColumnMapping }): PlatformImport {
  let decoded: { text: string; encoding: Encoding };
  try {
    decoded = decodeCsvBytes(bytes, options.encoding);
  } catch {
    // Only a file named UTF-8 (or carrying its byte order mark) fails to decode: GBK decodes any bytes.
    return { encoding: 'utf-8', header: [], sample: [], mapping: {}, rows: [], problems: [{ path: 'encoding', message: 'the file is not valid UTF-8: choose GBK or auto' }] };
  }
  const { text, encoding } = decoded;
  const table = parseCsv(text).filter((r) => r.some((c) => c.trim() !== ''));
  const problems: InputIssue[] = [];
  const [header = [], ...body] = table;
  const sample = body.slice(0, PLATFORM_SAMPLE_ROWS);
  const mapping = mapColumns(header, options.mapping);
  for (const field of REQUIRED)
    if (mapping[field] === undefined) problems.push({ path: `header.${field}`, message: `no column for ${field} (headers looked for: ${PLATFORM_HEADERS[field].join(', ')}); map it by hand` });
  for (const field of platformFields) {
    const index = mapping[field];
    if (index !== undefined && index >= header.length) problems.push({ path: `header.${field}`, message: `column ${index} does not exist: the file has ${header.length} columns` });
  }
  if (body.length > MAX_PLATFORM_ROWS) problems.push({ path: 'file', message: `${body.length} rows: at most ${MAX_PLATFORM_ROWS} at once` });
  if (body.length === 0) problems.push({ path: 'file', message: 'no complaints below the header' });
  if (problems.length) return { encoding, header, sample, mapping, rows: [], problems };

  const rows: PlatformClue[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, i) => {
    const line = i + 2;
    const at = (field: PlatformField) => `line ${line}.${field}`;
    const cell = (field: PlatformField) => (mapping[field] === undefined ? '' : (cells[mapping[field]] ?? '').trim());
    const rowProblems: InputIssue[] = [];
    for (const field of REQUIRED) if (cell(field) === '') rowProblems.push({ path: at(field), message: 'empty' });
    const externalId = cell('externalId');
    if (externalId && seen.has(externalId)) rowProblems.push({ path: at('externalId'), message: `${externalId} also on line ${seen.get(externalId)}` });
    else if (externalId) seen.set(externalId, line);
    const reportedAt = cell('reportedAt') ? platformInstant(cell('reportedAt')) : null;
    if (cell('reportedAt') && !reportedAt) rowProblems.push({ path: at('reportedAt'), message: `not a time: ${JSON.stringify(cell('reportedAt'))} (2026-10-03 14:22, Shanghai time)` });
    else if (reportedAt && reportedAt.getTime() > options.now.getTime()) rowProblems.push({ path: at('reportedAt'), message: 'in the future' });
    const districtCode = cell('districtName') ? districtOf(cell('districtName')) : null;
    if (cell('districtName') && !districtCode) rowProblems.push({ path: at('districtName'), message: `not a district of Shanghai: ${JSON.stringify(cell('districtName'))}` });
    let position: PlatformClue['position'] = null;
    if (cell('lon') || cell('lat')) {
      const lon = Number(cell('lon'));
      const lat = Number(cell('lat'));
      if (!cell('lon') || !cell('lat') || !Number.isFinite(lon) || !Number.isFinite(lat) || lon < 120.8 || lon > 122.2 || lat < 30.6 || lat > 31.9)
        rowProblems.push({ path: at('lon'), message: `not a position in Shanghai: ${JSON.stringify(`${cell('lon')},${cell('lat')}`)}` });
      else position = { lon, lat };
    }
    if (cell('description').length > 4000) rowProblems.push({ path: at('description'), message: 'longer than 4,000 characters' });
    problems.push(...rowProblems);
    if (rowProblems.length === 0)
      rows.push({
        line,
        externalId,
        reportedAt: reportedAt!,
        districtCode: districtCode!,
        address: cell('address'),
        description: cell('description'),
        suspectedType: categoryOf(`${cell('category')} ${cell('description')}`),
        institutionName: cell('institutionName') || null,
        phone: cell('phone') || null,
        position,
      });
  });
  return { encoding, header, sample, mapping, rows: problems.length ? [] : rows, problems };
}
