import type { EmergingCategoryName } from '../contract/analysis.js';
import type { ReviewKpis, ReviewPeriod, ReviewRankingRow, ReviewUnitRef } from '../contract/review.js';
import type { Frame } from './briefing-layout.js';

// What the district review's briefing (研判简报) prints: everything is read and scoped before it gets here, so the
// layout can neither leak nor fetch.

export type PolygonRings = number[][][];

export interface BriefingHotCell {
  id: number;
  code: string;
  streetName: string;
  /** Gi* confidence bin, −3 (cold 99 %) … +3 (hot 99 %). */
  bin: number;
  z: number;
  /** The space-time pattern, null when the period holds fewer than two steps. */
  category: EmergingCategoryName | null;
  clues: number;
}

export interface BriefingMapCell {
  polygons: PolygonRings[];
  bin: number;
}

export interface ReviewBriefingData {
  generatedAt: string;
  /** Whether the scope's data is the generated demo data. */
  synthetic: boolean;
  unit: ReviewUnitRef;
  breadcrumb: ReviewUnitRef[];
  period: ReviewPeriod;
  compare: ReviewPeriod | null;
  kpis: ReviewKpis;
  compareKpis: ReviewKpis | null;
  ranking: { rows: ReviewRankingRow[]; weightsVersion: number; highlight: string | null };
  trend: { step: 'week' | 'month'; steps: string[]; received: number[]; closed: number[]; closureRate: (number | null)[] };
  hotCells: BriefingHotCell[];
  /** The name of the area Gi* was computed over (the district, or the city). */
  hotspotScope: string;
  emergingStep: 'week' | 'month' | null;
  map: { frame: Frame; outline: PolygonRings[]; cells: BriefingMapCell[] };
}
