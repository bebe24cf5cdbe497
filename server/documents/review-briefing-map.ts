import { HOTSPOT_COLOURS, hotspotLegend, type HotspotBin } from '../../web/layers/hotspot-colours.js';
import { framesMeet, layoutMap, ringFrame, type MapBox, type PagePoint } from './briefing-layout.js';
import { INK, textAt, type Pdf } from './pdf-page.js';
import { drawNorthArrow, drawScaleBar } from './route-map-pdf.js';
import type { ReviewBriefingData } from './review-briefing-data.js';
import type { DocumentText } from './text.js';

// The briefing's map of the view as vector shapes: the cells filled by their Gi* class in the colours of the
// dashboard's hot spot layer, the unit's outline over them, a scale bar, north and the legend.

/**
 * The dashboard's "not significant" is a faint veil meant for its dark basemap; on white paper it would vanish, so
 * paper gets a light grey for it. The significant classes keep the layer's colours.
 */
const PAPER_NOT_SIGNIFICANT = '#eeeeee';

const hex = ([r, g, b]: readonly number[]) => `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;

export function binFill(bin: number): string {
  if (bin === 0 || !Number.isInteger(bin) || bin < -3 || bin > 3) return PAPER_NOT_SIGNIFICANT;
  return hex(HOTSPOT_COLOURS[bin as HotspotBin]);
}

function tracePolygon(doc: Pdf, rings: number[][][], project: (p: [number, number]) => PagePoint): void {
  for (const ring of rings) {
    ring.forEach(([lon, lat], i) => {
      const [x, y] = project([lon, lat]);
      if (i === 0) doc.moveTo(x, y);
      else doc.lineTo(x, y);
    });
    doc.closePath();
  }
}

export const LEGEND_WIDTH = 112;

export function drawBriefingMap(doc: Pdf, t: DocumentText, map: ReviewBriefingData['map'], box: MapBox): void {
  const mapBox: MapBox = { x: box.x, y: box.y, width: box.width - LEGEND_WIDTH - 8, height: box.height };
  const layout = layoutMap(map.frame, { x: mapBox.x + 6, y: mapBox.y + 6, width: mapBox.width - 12, height: mapBox.height - 12 });
  doc.save();
  doc.rect(mapBox.x, mapBox.y, mapBox.width, mapBox.height).fill('#fbfcfd');
  doc.rect(mapBox.x, mapBox.y, mapBox.width, mapBox.height).clip();
  for (const cell of map.cells) {
    const visible = cell.polygons.filter((rings) => rings[0] && framesMeet(ringFrame(rings[0]), layout.shown));
    if (visible.length === 0) continue;
    for (const rings of visible) tracePolygon(doc, rings, layout.project);
    doc.lineWidth(0.2).fillAndStroke(binFill(cell.bin), '#ffffff');
  }
  for (const rings of map.outline) tracePolygon(doc, rings, layout.project);
  doc.lineWidth(1.4).lineJoin('round').strokeColor('#1f2d3d').stroke();
  doc.restore();
  doc.rect(mapBox.x, mapBox.y, mapBox.width, mapBox.height).lineWidth(0.75).strokeColor(INK.rule).stroke();
  // The bar on a white band, so it reads over the cells.
  const bar = { x: mapBox.x + 12, y: mapBox.y + mapBox.height - 12, ...layout.scaleBar };
  doc.rect(bar.x - 4, bar.y - 14, bar.length + 60, 18).fillOpacity(0.8).fill('#ffffff').fillOpacity(1);
  drawScaleBar(doc, t, bar);
  drawNorthArrow(doc, t, { x: mapBox.x + mapBox.width - 18, y: mapBox.y + 19, size: 22 });
  drawLegend(doc, t, box.x + box.width - LEGEND_WIDTH, box.y);
}

function drawLegend(doc: Pdf, t: DocumentText, x: number, y: number): void {
  textAt(doc, t('hotspot.legend'), x, y, { bold: true, size: 7.5, width: LEGEND_WIDTH, lineBreak: true });
  let cy = y + 24;
  for (const entry of hotspotLegend()) {
    doc.rect(x, cy, 12, 9).lineWidth(0.3).fillAndStroke(binFill(entry.bin), INK.rule);
    textAt(doc, t(entry.key), x + 17, cy, { size: 7.5 });
    cy += 14;
  }
  cy += 4;
  doc.moveTo(x, cy + 4).lineTo(x + 12, cy + 4).lineWidth(1.4).strokeColor('#1f2d3d').stroke();
  textAt(doc, t('briefing.outline'), x + 17, cy, { size: 7.5 });
}
