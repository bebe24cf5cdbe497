import { createGiStarComputer, type GiStarResult } from '../../server/analytics/index.js';
import { stepRange, sumSteps, type CellMatrix } from './cell-matrix.js';

export interface LiveHotspotFrame {
  /** Steps [fromStep, toStep) that were summed. */
  fromStep: number;
  toStep: number;
  /** Clues per cell in the range. */
  values: Float64Array;
  /** Gi* of the values; the arrays are reused by the next call — copy what must outlive it. */
  result: GiStarResult;
  /** How long summing the range and Gi* took, in milliseconds (the panel shows it: the cost of a frame of dragging). */
  ms: number;
}

export interface LiveHotspots {
  matrix: CellMatrix;
  /** Recomputes Gi* for an inclusive date range: sum the steps in range, then one pass over the prebuilt weights. */
  forRange(range: { from: string; to: string }): LiveHotspotFrame;
  forSteps(fromStep: number, toStep: number): LiveHotspotFrame;
}

/**
 * Live hot spots in the browser: the weights-only work (rows, spreads, FDR buffers) is done once here, so each drag
 * of the time range costs O(entries in range + cells + neighbours) — well within a frame for 50,000 cells.
 */
export function createLiveHotspots(matrix: CellMatrix): LiveHotspots {
  const computer = matrix.nCells >= 3 ? createGiStarComputer(matrix.weights) : null;
  const values = new Float64Array(matrix.nCells);
  const forSteps = (fromStep: number, toStep: number): LiveHotspotFrame => {
    if (!computer) throw new Error(`hot spots need at least 3 grid cells, the view has ${matrix.nCells}`);
    const started = performance.now();
    sumSteps(matrix, fromStep, toStep, values);
    const result = computer.compute(values);
    return { fromStep, toStep, values, result, ms: performance.now() - started };
  };
  return {
    matrix,
    forSteps,
    forRange: (range) => {
      const [a, b] = stepRange(matrix, range);
      return forSteps(a, b);
    },
  };
}
