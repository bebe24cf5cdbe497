/** Parses a seed list: `7`, `1-5` or `1,3,7` (ranges and single seeds may be mixed: `1-3,9`). */
export function parseSeeds(text: string): number[] {
  const seeds: number[] = [];
  for (const part of text.split(',')) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    if (!m) throw new Error(`bad seed list "${text}": expected e.g. 1, 1-5 or 1,3,7`);
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to < from) throw new Error(`bad seed range "${part.trim()}": the end is before the start`);
    for (let s = from; s <= to; s++) seeds.push(s);
  }
  return seeds;
}
