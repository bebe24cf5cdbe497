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

/** Bars of a small chart of `width` × `height` units; zero values get no height, the largest fills the height. */
export function barLayout(values: readonly number[], width: number, height: number, gap = 1): Bar[] {
  const max = Math.max(0, ...values);
  const step = values.length > 0 ? width / values.length : 0;
  return values.map((value, i) => {
    const h = max > 0 ? (value / max) * height : 0;
    return { x: i * step, y: height - h, width: Math.max(0.5, step - gap), height: h, value };
  });
}
