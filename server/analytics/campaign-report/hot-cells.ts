import { localGiStar } from '../gistar.js';
import type { CampaignReport } from '../../contract/campaign-report.js';
import type { ReportCellPeriods } from './input.js';

// Hot cells before, during and after a campaign: Gi* of the focus clue counts per grid cell in each period (queen
// contiguity within the district, the confidence bins of the p-values: what the planner uses to choose hot cells), the
// number of cells at 95 % and 99 %, and which cells cooled (hot before, not hot after) or warmed.

/** A cell counts as hot from 95 % confidence (bin 2); bin 3 is 99 %. */
export const HOT_BIN = 2;
export const VERY_HOT_BIN = 3;

type HotCellRow = CampaignReport['hotCells'][number];
export interface HotCount {
  at95: number;
  at99: number;
}

export interface DistrictHotCells {
  districtCode: string;
  before: HotCount;
  during: HotCount;
  after: HotCount | null;
  cooled: number;
  warmed: number;
  rows: HotCellRow[];
}

/** Confidence bins of one period; all 0 when Gi* cannot be computed (fewer than 3 cells). */
function binsOf(values: ArrayLike<number>, cells: ReportCellPeriods): Int8Array {
  if (cells.weights.n < 3) return new Int8Array(cells.weights.n);
  return Int8Array.from(localGiStar(values, cells.weights).bin);
}

const countOf = (bins: Int8Array): HotCount => {
  let at95 = 0;
  let at99 = 0;
  for (const b of bins) {
    if (b >= HOT_BIN) at95++;
    if (b >= VERY_HOT_BIN) at99++;
  }
  return { at95, at99 };
};

export function districtHotCells(cells: ReportCellPeriods): DistrictHotCells {
  const before = binsOf(cells.before, cells);
  const during = binsOf(cells.during, cells);
  const after = cells.after === null ? null : binsOf(cells.after, cells);
  // Cooling is judged on the after period once it has begun; until then on the campaign's own days.
  const compared = after ?? during;
  const rows: HotCellRow[] = [];
  let cooled = 0;
  let warmed = 0;
  for (let i = 0; i < cells.weights.n; i++) {
    const wasHot = before[i] >= HOT_BIN;
    const isHot = compared[i] >= HOT_BIN;
    if (wasHot && !isHot) cooled++;
    if (!wasHot && isHot) warmed++;
    if (!wasHot && during[i] < HOT_BIN && (after === null || after[i] < HOT_BIN)) continue;
    rows.push({
      cellId: Number(cells.cellIds[i]),
      code: cells.codes[i],
      districtCode: cells.districtCode,
      before: before[i],
      during: during[i],
      after: after === null ? null : after[i],
      clues: { before: Number(cells.before[i]), during: Number(cells.during[i]), after: cells.after === null ? null : Number(cells.after[i]) },
      cooled: wasHot && !isHot,
      warmed: !wasHot && isHot,
    });
  }
  return { districtCode: cells.districtCode, before: countOf(before), during: countOf(during), after: after === null ? null : countOf(after), cooled, warmed, rows };
}
