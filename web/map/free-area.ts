/** A rectangle in CSS pixels, as getBoundingClientRect gives it. */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** At least this share of the map's width and height stays free, however large the panels are. */
const MIN_FREE_SHARE = 0.3;

/**
 * The padding that keeps a fitted extent clear of the panels floating over the map. A panel spanning most of the
 * map's height covers the side it is nearer to; one spanning most of its width covers the top or bottom; smaller ones
 * (a legend, a tooltip) may overlap the extent's corners.
 */
export function freeAreaPadding(map: Rect, panels: readonly Rect[], margin = 16): Padding {
  const width = map.right - map.left;
  const height = map.bottom - map.top;
  const padding: Padding = { top: 0, right: 0, bottom: 0, left: 0 };
  if (width <= 0 || height <= 0) return padding;
  for (const panel of panels) {
    const left = Math.max(panel.left, map.left);
    const right = Math.min(panel.right, map.right);
    const top = Math.max(panel.top, map.top);
    const bottom = Math.min(panel.bottom, map.bottom);
    if (right <= left || bottom <= top) continue;
    const tall = (bottom - top) / height >= 0.5;
    const wide = (right - left) / width >= 0.5;
    if (tall === wide) continue;
    if (tall) {
      if ((left + right) / 2 < map.left + width / 2) padding.left = Math.max(padding.left, right - map.left);
      else padding.right = Math.max(padding.right, map.right - left);
    } else if ((top + bottom) / 2 < map.top + height / 2) padding.top = Math.max(padding.top, bottom - map.top);
    else padding.bottom = Math.max(padding.bottom, map.bottom - top);
  }
  const withMargin: Padding = { top: padding.top + margin, right: padding.right + margin, bottom: padding.bottom + margin, left: padding.left + margin };
  return {
    ...shrinkToFit(withMargin.left, withMargin.right, width, 'left', 'right'),
    ...shrinkToFit(withMargin.top, withMargin.bottom, height, 'top', 'bottom'),
  };
}

/** Scales a pair of opposite paddings down so that MIN_FREE_SHARE of the length stays between them. */
function shrinkToFit<A extends string, B extends string>(a: number, b: number, length: number, nameA: A, nameB: B): Record<A | B, number> {
  const most = length * (1 - MIN_FREE_SHARE);
  const scale = a + b > most ? most / (a + b) : 1;
  return { [nameA]: Math.floor(a * scale), [nameB]: Math.floor(b * scale) } as Record<A | B, number>;
}
