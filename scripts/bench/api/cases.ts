import type { SQL } from 'drizzle-orm';
import { DAY_MS } from '../../../server/domain/time.js';
import { cluesInBboxSql } from '../../../db/queries/clues.js';
import { gridCellsSql } from '../../../db/queries/grid-cells.js';
import { institutionsInBboxSql } from '../../../db/queries/institutions.js';
import { cityWide, type BboxDegrees } from '../../../db/queries/queryable.js';
import { bboxText, cityBbox, streetViewports } from './viewports.js';

/** One benchmarked request: the API URL and the SQL the endpoint runs for it. */
export interface BenchRequest {
  url: string;
  sql: SQL;
}

export interface BenchCase {
  endpoint: string;
  viewport: 'city' | 'street';
  requests: BenchRequest[];
}

const pageLimit = 5000;

/** The bbox endpoints at a city-wide and at street-level viewports, clues and grid cells over the last 90 days. */
export function benchCases(asOf: Date, runs: number): BenchCase[] {
  const to = new Date(asOf.getTime());
  const from = new Date(asOf.getTime() - 90 * DAY_MS);
  const range = `from=${from.toISOString().slice(0, 10)}&to=${to.toISOString().slice(0, 10)}`;
  const fromDay = new Date(`${from.toISOString().slice(0, 10)}T00:00:00Z`);
  const toDay = new Date(`${to.toISOString().slice(0, 10)}T00:00:00Z`);
  const viewports: Record<BenchCase['viewport'], BboxDegrees[]> = {
    city: Array.from({ length: runs }, () => cityBbox),
    street: streetViewports(runs),
  };
  const cases: BenchCase[] = [];
  for (const viewport of ['city', 'street'] as const) {
    const boxes = viewports[viewport];
    cases.push({
      endpoint: 'GET /api/institutions',
      viewport,
      requests: boxes.map((bbox) => ({
        url: `/api/institutions?bbox=${bboxText(bbox)}&limit=${pageLimit}`,
        sql: institutionsInBboxSql({ scope: cityWide, bbox: parsedBack(bbox), limit: pageLimit }),
      })),
    });
    cases.push({
      endpoint: 'GET /api/clues',
      viewport,
      requests: boxes.map((bbox) => ({
        url: `/api/clues?bbox=${bboxText(bbox)}&${range}&limit=${pageLimit}`,
        sql: cluesInBboxSql({ scope: cityWide, bbox: parsedBack(bbox), from: fromDay, to: toDay, limit: pageLimit }),
      })),
    });
    cases.push({
      endpoint: 'GET /api/grid-cells',
      viewport,
      requests: boxes.map((bbox) => ({
        url: `/api/grid-cells?bbox=${bboxText(bbox)}&${range}`,
        sql: gridCellsSql({ scope: cityWide, bbox: parsedBack(bbox), from: fromDay, to: toDay }),
      })),
    });
  }
  return cases;
}

/** The bbox exactly as the API parses it from the URL (5 decimals), so both sides run the same query. */
function parsedBack(bbox: BboxDegrees): BboxDegrees {
  const [minLon, minLat, maxLon, maxLat] = bboxText(bbox).split(',').map(Number);
  return { minLon, minLat, maxLon, maxLat };
}
