/** Sums a per-step series into consecutive groups of `size` steps (the last group may be shorter), e.g. days → weeks. */
export function groupSeries(series: ArrayLike<number>, size: number): number[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`group size must be a positive integer, got ${size}`);
  const out: number[] = [];
  for (let start = 0; start < series.length; start += size) {
    let sum = 0;
    for (let k = start; k < Math.min(series.length, start + size); k++) sum += series[k];
    out.push(sum);
  }
  return out;
}

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
}

/**
 * Bars of a small chart of `width` × `height` units; zero values get no height, a value of `top` (by default the
 * largest) fills the height, so that bars can be drawn against an axis that ends above the largest value.
 */
export function barLayout(values: readonly number[], width: number, height: number, gap = 1, top = Math.max(0, ...values)): Bar[] {
  const max = Math.max(top, ...values);
  const step = values.length > 0 ? width / values.length : 0;
  return values.map((value, i) => {
    const h = max > 0 ? (value / max) * height : 0;
    return { x: i * step, y: height - h, width: Math.max(0.5, step - gap), height: h, value };
  });
}

/** Ticks of a count axis from 0: at most `most` + 1 round steps (1, 2 or 5 × 10ⁿ), the last at or above `max`. */
export function countTicks(max: number, most = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / most;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude);
  const ticks: number[] = [];
  for (let v = 0; v < max + step; v += step) ticks.push(v);
  return ticks;
}

/** Indices of `count` (or fewer) bars spread evenly from the first to the last, to label a time axis with. */
export function spreadIndices(length: number, count: number): number[] {
  if (length <= 0 || count <= 0) return [];
  if (length === 1 || count === 1) return [0];
  const picked = new Set<number>();
  for (let k = 0; k < count; k++) picked.add(Math.round((k * (length - 1)) / (count - 1)));
  return [...picked].sort((a, b) => a - b);
}

/**
 * A calendar date (YYYY-MM-DD) as a time axis labels it in `language`: month and year over a long span
 * (2025年3月, Mar 2025), month and day over a short one (3月10日, Mar 10).
 */
export function axisDate(iso: string, language: string, longSpan: boolean): string {
  const [y, m, d] = iso.split('-').map(Number);
  const format = new Intl.DateTimeFormat(language, longSpan ? { timeZone: 'UTC', year: 'numeric', month: 'short' } : { timeZone: 'UTC', month: 'short', day: 'numeric' });
  return format.format(new Date(Date.UTC(y, m - 1, d)));
}
