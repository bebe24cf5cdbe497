import { axisScale, labelEvery, stepXs, type MapBox } from './briefing-layout.js';
import { INK, style, textAt, type Pdf } from './pdf-page.js';

// A line chart of the briefing's trends: a value axis from 0 with round ticks, one label per step (thinned when they
// do not fit), a line per series with its points marked, and a key.

export interface ChartSeries {
  label: string;
  colour: string;
  values: (number | null)[];
  dashed?: boolean;
}

export interface LineChart {
  title: string;
  steps: string[];
  series: ChartSeries[];
  /** Formats a tick of the value axis. */
  tick: (v: number) => string;
  integer?: boolean;
  /** A fixed top of the axis (rates: 1). */
  max?: number;
}

const AXIS_LEFT = 30;
const AXIS_BOTTOM = 16;
const TITLE_HEIGHT = 14;

export function drawLineChart(doc: Pdf, chart: LineChart, box: MapBox): void {
  textAt(doc, chart.title, box.x, box.y, { bold: true, size: 8.5 });
  const plot = { x: box.x + AXIS_LEFT, y: box.y + TITLE_HEIGHT + 12, width: box.width - AXIS_LEFT - 4, height: box.height - TITLE_HEIGHT - 12 - AXIS_BOTTOM };
  const scale = chart.max !== undefined ? axisScale([chart.max]) : axisScale(chart.series.flatMap((s) => s.values), { integer: chart.integer });
  const yOf = (v: number) => plot.y + plot.height - (v / scale.max) * plot.height;
  for (const tick of scale.ticks) {
    const y = yOf(tick);
    doc.moveTo(plot.x, y).lineTo(plot.x + plot.width, y).lineWidth(0.3).strokeColor(tick === 0 ? INK.rule : '#dddddd').stroke();
    const label = chart.tick(tick);
    style(doc, { size: 6.5 });
    textAt(doc, label, plot.x - 3 - doc.widthOfString(label), y - 3.5, { size: 6.5, colour: INK.muted });
  }
  const xs = stepXs(chart.steps.length, plot.x, plot.width);
  const labels = chart.steps.map((s) => (s.slice(8) === '01' ? s.slice(0, 7) : s.slice(5)));
  style(doc, { size: 6.5 });
  const every = labelEvery(chart.steps.length, plot.width, Math.max(20, ...labels.map((l) => doc.widthOfString(l))) + 4);
  labels.forEach((label, i) => {
    if (i % every !== 0) return;
    style(doc, { size: 6.5 });
    textAt(doc, label, xs[i] - doc.widthOfString(label) / 2, plot.y + plot.height + 4, { size: 6.5, colour: INK.muted });
  });
  for (const series of chart.series) {
    let drawing = false;
    series.values.forEach((v, i) => {
      if (v === null) {
        drawing = false;
        return;
      }
      if (drawing) doc.lineTo(xs[i], yOf(v));
      else doc.moveTo(xs[i], yOf(v));
      drawing = true;
    });
    doc.lineWidth(1.3).lineJoin('round').strokeColor(series.colour);
    if (series.dashed) doc.dash(3, { space: 2 });
    doc.stroke();
    doc.undash();
    if (chart.steps.length <= 40) series.values.forEach((v, i) => v !== null && doc.circle(xs[i], yOf(v), 1.4).fill(series.colour));
  }
  // The key, top right above the plot.
  let kx = box.x + box.width;
  for (const series of [...chart.series].reverse()) {
    style(doc, { size: 7 });
    kx -= doc.widthOfString(series.label) + 22;
    doc.moveTo(kx, box.y + 4).lineTo(kx + 14, box.y + 4).lineWidth(1.3).strokeColor(series.colour).stroke();
    textAt(doc, series.label, kx + 17, box.y, { size: 7 });
  }
}
