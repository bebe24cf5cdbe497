import type { DispatchSheet } from '../planning/dispatch/schema.js';
import { layoutRouteMap, scaleBarText, type RouteMapLayout } from '../planning/dispatch/route-map.js';
import { INK, style, textAt, type Pdf } from './pdf-page.js';
import type { DocumentText } from './text.js';

// The route map of a dispatch sheet as vector graphics on the page: the same layout the browser view draws in SVG.

export const ROUTE_COLOUR = '#0b5cad';
const STOP_RADIUS = 7.5;

function scaleLabel(t: DocumentText, metres: number): string {
  const { unit, n } = scaleBarText(metres);
  return t(unit, { n });
}

export function drawRouteMap(doc: Pdf, t: DocumentText, sheet: DispatchSheet, x: number, y: number, width: number, height: number): RouteMapLayout {
  const map = layoutRouteMap(sheet.route, sheet.stops, { width, height, padding: 22 });
  doc.save();
  doc.rect(x, y, width, height).fill('#f7f9fb');
  doc.rect(x, y, width, height).lineWidth(0.75).strokeColor(INK.rule).stroke();
  doc.rect(x, y, width, height).clip();
  doc.translate(x, y);

  const [first, ...rest] = map.path.points;
  if (first && rest.length > 0) {
    doc.moveTo(first[0], first[1]);
    for (const p of rest) doc.lineTo(p[0], p[1]);
    doc.lineWidth(2.2).lineJoin('round').lineCap('round').strokeColor(ROUTE_COLOUR);
    if (map.path.dashed) doc.dash(5, { space: 3.5 });
    doc.stroke();
    doc.undash();
  }
  if (map.base) {
    doc.rect(map.base.x - 4.5, map.base.y - 4.5, 9, 9).fill(INK.text);
    textAt(doc, map.base.name, map.base.x + 7, map.base.y - 4.5, { size: 7.5, colour: INK.text });
  }
  for (const stop of map.stops) {
    doc.circle(stop.x, stop.y, STOP_RADIUS).fillAndStroke('#ffffff', ROUTE_COLOUR);
    const label = String(stop.number);
    style(doc, { bold: true, size: 8, colour: ROUTE_COLOUR });
    const w = doc.widthOfString(label);
    textAt(doc, label, stop.x - w / 2, stop.y - 5.6, { bold: true, size: 8, colour: ROUTE_COLOUR });
  }
  drawScaleBar(doc, t, map.scaleBar);
  drawNorthArrow(doc, t, map.north);
  doc.restore();
  return map;
}

/** A scale bar of `length` points standing for `metres`, its left end at (x, y). */
export function drawScaleBar(doc: Pdf, t: DocumentText, bar: { x: number; y: number; length: number; metres: number }): void {
  const { x, y, length } = bar;
  doc.lineWidth(1).strokeColor(INK.text);
  doc.moveTo(x, y - 3).lineTo(x, y).lineTo(x + length, y).lineTo(x + length, y - 3).stroke();
  doc.moveTo(x + length / 2, y).lineTo(x + length / 2, y - 2).stroke();
  textAt(doc, scaleLabel(t, bar.metres), x + length + 4, y - 6, { size: 7, colour: INK.text });
}

/** A north arrow `size` points tall centred on (x, y). */
export function drawNorthArrow(doc: Pdf, t: DocumentText, { x, y, size }: { x: number; y: number; size: number }): void {
  const half = size / 2;
  // A split arrowhead: the left half filled, the right half outlined, as on survey maps.
  doc.polygon([x, y - half], [x - size / 4, y + half * 0.6], [x, y + half * 0.25]).fill(INK.text);
  doc.polygon([x, y - half], [x + size / 4, y + half * 0.6], [x, y + half * 0.25]).lineWidth(0.8).strokeColor(INK.text).stroke();
  const label = t('dispatch.north');
  style(doc, { bold: true, size: 8 });
  textAt(doc, label, x - doc.widthOfString(label) / 2, y + half * 0.6 + 1, { bold: true, size: 8 });
}
