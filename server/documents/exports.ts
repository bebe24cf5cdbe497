import { formatCsv, type CsvValue } from '../domain/csv.js';
import type { Feature, FeatureCollection } from '../contract/geojson.js';
import type { DispatchMember, DispatchSheet, DispatchStop, DrawNotice } from '../planning/dispatch/schema.js';
import type { LonLat } from '../domain/geodesy.js';
import { ratioPercent, shiftText } from '../planning/dispatch/format.js';
import { codeLabel, documentText, type DocumentLanguage, type DocumentText, type MessageKey } from './text.js';

// A campaign's dispatch as files: CSV that Excel opens with its Chinese intact (BOM, CRLF, RFC 4180 quoting) and
// GeoJSON (RFC 7946: WGS84, [lon, lat], six decimals) of the targets, the routes (a LineString per team-shift) and
// the assignments (officer ↔ team ↔ shift ↔ stop); and the 一公开 notice of a draw as CSV. Pure: sheets in, text out.
// The sheets are taken as parsed (parseDispatchSheet): a file is only as good as the sheets it is made from.

export interface ExportOptions {
  /** Language of the values (reasons, checks, roles); headers carry both. zh-CN unless asked otherwise. */
  language?: DocumentLanguage;
}

const zh = documentText('zh-CN');
const en = documentText('en');
/** `名称 (Name)`: a file travels further than its language setting. */
const header = (key: MessageKey): string => (zh(key) === en(key) ? zh(key) : `${zh(key)} (${en(key)})`);

/** RFC 7946 §11.2: six decimals are about 10 cm, more than any street address needs. */
const position = ([lon, lat]: LonLat): LonLat => [Number(lon.toFixed(6)), Number(lat.toFixed(6))];

const shiftKey = (sheet: DispatchSheet) => `${sheet.date} ${shiftText(sheet)} ${sheet.team.label}`;
const role = (t: DocumentText, sheet: DispatchSheet, member: DispatchMember) => (member.name === sheet.signature.teamLeader ? t('dispatch.leader') : t('dispatch.member'));
const kindLabel = (t: DocumentText, stop: DispatchStop) => t(stop.kind === 'institution' ? 'dispatch.kind.institution' : 'dispatch.kind.gridCell');
const checksText = (t: DocumentText, stop: DispatchStop) => stop.checks.map((c) => codeLabel(t, 'campaign.check', c)).join('、');

// ---- targets: each object once, with every visit the campaign plans ----

interface Target {
  stop: DispatchStop;
  visits: { sheet: DispatchSheet; sequence: number }[];
}

/** An institution is itself by its credit code; one without (and a grid cell) by its name and address. */
const targetKey = (stop: DispatchStop) => (stop.creditCode ? `code:${stop.creditCode}` : `${stop.kind}:${stop.name}|${stop.address}`);

function targetsOf(sheets: readonly DispatchSheet[]): Target[] {
  const targets = new Map<string, Target>();
  for (const sheet of sheets) {
    sheet.stops.forEach((stop, i) => {
      const key = targetKey(stop);
      const target = targets.get(key) ?? { stop, visits: [] };
      target.visits.push({ sheet, sequence: i + 1 });
      targets.set(key, target);
    });
  }
  return [...targets.values()];
}

export function targetsCsv(sheets: readonly DispatchSheet[], options: ExportOptions = {}): string {
  const t = documentText(options.language);
  const rows: CsvValue[][] = [
    ['export.kind', 'drawNotice.col.name', 'drawNotice.col.creditCode', 'dispatch.col.address', 'export.lon', 'export.lat', 'dispatch.col.reason', 'export.checks', 'export.visits', 'export.schedule'].map((k) =>
      header(k as MessageKey),
    ),
  ];
  for (const { stop, visits } of targetsOf(sheets)) {
    const [lon, lat] = position(stop.location);
    rows.push([
      kindLabel(t, stop),
      stop.name,
      stop.creditCode,
      stop.address,
      lon,
      lat,
      codeLabel(t, 'stopReason', stop.reason),
      checksText(t, stop),
      visits.length,
      visits.map((v) => `${shiftKey(v.sheet)} #${v.sequence}`).join('; '),
    ]);
  }
  return formatCsv(rows);
}

export interface TargetProperties {
  kind: DispatchStop['kind'];
  name: string;
  creditCode: string | null;
  address: string;
  reason: DispatchStop['reason'];
  checks: DispatchStop['checks'];
  visits: number;
}

export function targetsGeoJson(sheets: readonly DispatchSheet[]): FeatureCollection<{ type: 'Point'; coordinates: LonLat }, TargetProperties> {
  return {
    type: 'FeatureCollection',
    features: targetsOf(sheets).map(({ stop, visits }, i): Feature<{ type: 'Point'; coordinates: LonLat }, TargetProperties> => ({
      type: 'Feature',
      id: i + 1,
      geometry: { type: 'Point', coordinates: position(stop.location) },
      properties: {
        kind: stop.kind,
        name: stop.name,
        creditCode: stop.creditCode,
        address: stop.address,
        reason: stop.reason,
        checks: [...stop.checks],
        visits: visits.length,
      },
    })),
  };
}

// ---- routes: one LineString per team-shift ----

/** The driven line, or the straight legs base → stops → base when the sheet has none. */
function routeLine(sheet: DispatchSheet): { coordinates: LonLat[]; straight: boolean } {
  if (sheet.route.line.length >= 2) return { coordinates: sheet.route.line.map(position), straight: false };
  const base = sheet.route.base ? [sheet.route.base.location] : [];
  return { coordinates: [...base, ...sheet.stops.map((s) => s.location), ...base].map(position), straight: true };
}

const wkt = (coordinates: LonLat[]) => (coordinates.length < 2 ? null : `LINESTRING (${coordinates.map(([x, y]) => `${x} ${y}`).join(', ')})`);

export function routesCsv(sheets: readonly DispatchSheet[], options: ExportOptions = {}): string {
  const t = documentText(options.language);
  const keys: MessageKey[] = ['dispatch.campaign', 'dispatch.campaignType', 'dispatch.district', 'dispatch.date', 'export.shiftStart', 'export.shiftEnd', 'dispatch.team', 'dispatch.members', 'dispatch.base', 'export.stopCount', 'export.straight', 'export.line'];
  const rows: CsvValue[][] = [keys.map(header)];
  for (const sheet of sheets) {
    const line = routeLine(sheet);
    rows.push([
      sheet.campaign.name,
      codeLabel(t, 'campaign.type', sheet.campaign.type),
      sheet.district.name,
      sheet.date,
      sheet.shift.start,
      sheet.shift.end,
      sheet.team.label,
      sheet.members.map((m) => m.name).join('、'),
      sheet.route.base?.name ?? null,
      sheet.stops.length,
      line.straight ? 1 : 0,
      wkt(line.coordinates),
    ]);
  }
  return formatCsv(rows);
}

export interface RouteProperties {
  campaign: string;
  campaignType: DispatchSheet['campaign']['type'];
  districtCode: string;
  district: string;
  date: string;
  shiftStart: string;
  shiftEnd: string;
  team: string;
  members: string[];
  base: string | null;
  stops: number;
  /** The line joins the stops straight: no driven path was given. */
  straightLegs: boolean;
}

type LineGeometry = { type: 'LineString'; coordinates: LonLat[] };

/** A sheet whose route has a single place (one stop, no base) has no line: its geometry is null (RFC 7946 §3.2). */
export function routesGeoJson(sheets: readonly DispatchSheet[]): FeatureCollection<LineGeometry | null, RouteProperties> {
  return {
    type: 'FeatureCollection',
    features: sheets.map((sheet, i) => {
      const line = routeLine(sheet);
      return {
        type: 'Feature',
        id: i + 1,
        geometry: line.coordinates.length >= 2 ? { type: 'LineString', coordinates: line.coordinates } : null,
        properties: {
          campaign: sheet.campaign.name,
          campaignType: sheet.campaign.type,
          districtCode: sheet.district.code,
          district: sheet.district.name,
          date: sheet.date,
          shiftStart: sheet.shift.start,
          shiftEnd: sheet.shift.end,
          team: sheet.team.label,
          members: sheet.members.map((m) => m.name),
          base: sheet.route.base?.name ?? null,
          stops: sheet.stops.length,
          straightLegs: line.straight,
        },
      };
    }),
  };
}

// ---- assignments: officer ↔ team ↔ shift ↔ stop ----

/** One row per officer and stop: the table a spreadsheet pivots by officer, team, shift or object. */
export function assignmentsCsv(sheets: readonly DispatchSheet[], options: ExportOptions = {}): string {
  const t = documentText(options.language);
  const keys: MessageKey[] = [
    'dispatch.date',
    'export.shiftStart',
    'export.shiftEnd',
    'dispatch.team',
    'dispatch.col.name',
    'dispatch.col.department',
    'dispatch.col.certificate',
    'dispatch.col.role',
    'dispatch.col.no',
    'dispatch.col.object',
    'drawNotice.col.creditCode',
    'dispatch.col.eta',
    'dispatch.col.departure',
  ];
  const rows: CsvValue[][] = [keys.map(header)];
  for (const sheet of sheets) {
    for (const member of sheet.members) {
      sheet.stops.forEach((stop, i) => {
        rows.push([sheet.date, sheet.shift.start, sheet.shift.end, sheet.team.label, member.name, member.department, member.certificateNo, role(t, sheet, member), i + 1, stop.name, stop.creditCode, stop.eta, stop.departure]);
      });
    }
  }
  return formatCsv(rows);
}

export interface AssignmentProperties {
  date: string;
  shiftStart: string;
  shiftEnd: string;
  team: string;
  sequence: number;
  kind: DispatchStop['kind'];
  name: string;
  creditCode: string | null;
  eta: string;
  departure: string;
  officers: { name: string; department: string; certificateNo: string; leader: boolean }[];
}

/** A point per stop of each team-shift, with the officers who go there. */
export function assignmentsGeoJson(sheets: readonly DispatchSheet[]): FeatureCollection<{ type: 'Point'; coordinates: LonLat }, AssignmentProperties> {
  let id = 0;
  return {
    type: 'FeatureCollection',
    features: sheets.flatMap((sheet) =>
      sheet.stops.map((stop, i) => ({
        type: 'Feature' as const,
        id: ++id,
        geometry: { type: 'Point' as const, coordinates: position(stop.location) },
        properties: {
          date: sheet.date,
          shiftStart: sheet.shift.start,
          shiftEnd: sheet.shift.end,
          team: sheet.team.label,
          sequence: i + 1,
          kind: stop.kind,
          name: stop.name,
          creditCode: stop.creditCode,
          eta: stop.eta,
          departure: stop.departure,
          officers: sheet.members.map((m) => ({ name: m.name, department: m.department, certificateNo: m.certificateNo, leader: m.name === sheet.signature.teamLeader })),
        },
      })),
    ),
  };
}

// ---- 一公开: the draw's public notice ----

/** The drawn objects, one a row, with the draw's facts on every row so that the table stands alone when filtered. */
export function drawNoticeCsv(notice: DrawNotice, options: ExportOptions = {}): string {
  const t = documentText(options.language);
  const keys: MessageKey[] = [
    'drawNotice.col.no',
    'drawNotice.col.name',
    'drawNotice.col.creditCode',
    'drawNotice.col.address',
    'drawNotice.task',
    'drawNotice.publisher',
    'drawNotice.district',
    'drawNotice.drawnOn',
    'drawNotice.method',
    'drawNotice.ratio',
    'drawNotice.poolSize',
    'drawNotice.seed',
    'drawNotice.seedCommitment',
    'drawNotice.poolHash',
  ];
  const rows: CsvValue[][] = [keys.map(header)];
  notice.objects.forEach((object, i) => {
    rows.push([
      i + 1,
      object.name,
      object.creditCode,
      object.address,
      notice.taskName,
      notice.publisher,
      notice.district?.name ?? t('drawNotice.cityWide'),
      notice.drawnOn,
      codeLabel(t, 'drawMethod', notice.method),
      `${ratioPercent(notice.ratio)}%`,
      notice.poolSize,
      notice.seed,
      notice.seedCommitment,
      notice.poolHash,
    ]);
  });
  return formatCsv(rows);
}
