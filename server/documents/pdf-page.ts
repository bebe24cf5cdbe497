import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

// A4 portrait pages of printed documents: the embedded CJK font, the page frame, headings that keep with what
// follows, and tables that wrap their cells and repeat their header on every page they run onto.

export type Pdf = PDFKit.PDFDocument;

/** A4 in points (1/72 in). */
export const A4 = { width: 595.28, height: 841.89 } as const;
export const MARGIN = { top: 56, bottom: 56, left: 42, right: 42 } as const;
export const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
/** Lowest y a body line may reach; the footer sits below it. */
export const CONTENT_BOTTOM = A4.height - MARGIN.bottom;

export const FONT = { regular: 'cjk', bold: 'cjk-bold' } as const;
export const INK = { text: '#1a1a1a', muted: '#555555', rule: '#9a9a9a', fill: '#eeeeee' } as const;

// Noto Sans SC (SIL Open Font License 1.1), read once per process: 10 MB each, of which the PDF keeps only the glyphs
// it uses (pdfkit subsets embedded fonts), so a two-page sheet stays small.
const require = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer } | undefined;
function fontFiles() {
  fonts ??= {
    regular: readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf')),
    bold: readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf')),
  };
  return fonts;
}

export interface PdfInfo {
  title: string;
  language: string;
  /** Fixed for reproducible bytes; pdfkit's clock otherwise. */
  createdAt?: Date;
}

/** A document with the fonts registered; pages are buffered so that page numbers can be written at the end. */
export function createPdf(info: PdfInfo): Pdf {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: false,
    lang: info.language,
    displayTitle: true,
    info: { Title: info.title, Creator: 'JointOps', Producer: 'JointOps (pdfkit)', ...(info.createdAt ? { CreationDate: info.createdAt } : {}) },
  });
  const { regular, bold } = fontFiles();
  doc.registerFont(FONT.regular, regular);
  doc.registerFont(FONT.bold, bold);
  return doc;
}

/** The finished document's bytes. */
export function pdfBytes(doc: Pdf): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  doc.end();
  return done;
}

export interface TextStyle {
  bold?: boolean;
  size?: number;
  colour?: string;
}

export function style(doc: Pdf, s: TextStyle = {}): Pdf {
  return doc
    .font(s.bold ? FONT.bold : FONT.regular)
    .fontSize(s.size ?? 9.5)
    .fillColor(s.colour ?? INK.text);
}

/** Writes `text` without moving to a new page even below the bottom margin (footers, furniture). */
export function textAt(doc: Pdf, text: string, x: number, y: number, options: PDFKit.Mixins.TextOptions & TextStyle = {}): void {
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  style(doc, options).text(text, x, y, { lineBreak: false, ...options });
  doc.page.margins.bottom = bottom;
}

/** "page i of n" centred under each of the pages [first, first + count), counted from the first. */
export function numberPages(doc: Pdf, footerOf: (page: number, pages: number) => string, first = 0, count = doc.bufferedPageRange().count - first): void {
  for (let i = 0; i < count; i++) {
    doc.switchToPage(first + i);
    const footer = footerOf(i + 1, count);
    style(doc, { size: 8 });
    textAt(doc, footer, (A4.width - doc.widthOfString(footer)) / 2, A4.height - MARGIN.bottom + 22, { size: 8, colour: INK.muted });
  }
}

/** The running header of continuation pages: a muted line of text and a rule under it; the body starts below. */
export function runningHeader(text: string): (doc: Pdf) => number {
  return (doc) => {
    textAt(doc, text, MARGIN.left, MARGIN.top - 26, { size: 8, colour: INK.muted, width: CONTENT_WIDTH });
    doc.moveTo(MARGIN.left, MARGIN.top - 12).lineTo(MARGIN.left + CONTENT_WIDTH, MARGIN.top - 12).lineWidth(0.5).strokeColor(INK.rule).stroke();
    return MARGIN.top;
  };
}

/**
 * The cursor of the body: where the next block starts, and the page break of the document, which draws the page's
 * running header (anything repeated at the top of each continuation page).
 */
export class Flow {
  y: number = MARGIN.top;

  constructor(
    readonly doc: Pdf,
    private readonly onNewPage: (doc: Pdf) => number,
  ) {}

  newPage(): void {
    this.doc.addPage();
    this.y = this.onNewPage(this.doc);
  }

  /** Moves to a new page unless `height` fits below the cursor. */
  ensure(height: number): void {
    if (this.y + height > CONTENT_BOTTOM) this.newPage();
  }

  /** Paragraph text over the full width (or `width` from `x`), wrapped; the cursor moves below it. */
  paragraph(text: string, s: TextStyle & { x?: number; width?: number; gap?: number } = {}): void {
    const x = s.x ?? MARGIN.left;
    const width = s.width ?? CONTENT_WIDTH - (x - MARGIN.left);
    style(this.doc, s);
    const height = this.doc.heightOfString(text, { width });
    this.ensure(height);
    // Again: a new page's running header leaves its own style behind.
    style(this.doc, s).text(text, x, this.y, { width });
    this.y += height + (s.gap ?? 4);
  }

  /** A section title, kept on the page of at least `keep` points of what follows it. */
  heading(text: string, keep = 60): void {
    style(this.doc, { bold: true, size: 11.5 });
    const height = this.doc.heightOfString(text, { width: CONTENT_WIDTH });
    this.ensure(height + keep);
    this.y += 6;
    style(this.doc, { bold: true, size: 11.5 }).text(text, MARGIN.left, this.y, { width: CONTENT_WIDTH });
    this.y += height + 4;
  }
}

/** One paragraph of a table cell; a cell stacks several (a name in bold, its credit code below it, smaller). */
export interface CellPart extends TextStyle {
  text: string;
}

export interface Column<Row> {
  header: string;
  width: number;
  align?: 'left' | 'center';
  cell: (row: Row) => CellPart[];
}

const CELL_PAD = { x: 4, y: 3.5 } as const;

function partsHeight(doc: Pdf, parts: CellPart[], width: number): number {
  return parts.reduce((sum, part) => {
    style(doc, part);
    return sum + doc.heightOfString(part.text || ' ', { width });
  }, 0);
}

interface Cell {
  parts: CellPart[];
  width: number;
  align: 'left' | 'center';
}

function drawRow(doc: Pdf, y: number, cells: Cell[], height: number, fill: string | null): void {
  let x = MARGIN.left;
  for (const cell of cells) {
    if (fill) doc.rect(x, y, cell.width, height).fill(fill);
    doc.rect(x, y, cell.width, height).lineWidth(0.5).strokeColor(INK.rule).stroke();
    let cy = y + CELL_PAD.y;
    const inner = cell.width - 2 * CELL_PAD.x;
    for (const part of cell.parts) {
      style(doc, part);
      const h = doc.heightOfString(part.text || ' ', { width: inner });
      doc.text(part.text, x + CELL_PAD.x, cy, { width: inner, align: cell.align });
      cy += h;
    }
    x += cell.width;
  }
}

/**
 * A table over the content width: cells wrap; a row never splits; when the next row does not fit, the table goes on
 * on a new page under its header again.
 */
export function table<Row>(flow: Flow, columns: Column<Row>[], rows: readonly Row[], options: { header?: boolean } = {}): void {
  const { doc } = flow;
  const withHeader = options.header ?? true;
  const header: Cell[] = columns.map((c) => ({ parts: [{ text: c.header, bold: true, size: 8.5 }], width: c.width, align: c.align ?? 'left' }));
  const heightOf = (cells: Cell[]) => Math.max(...cells.map((c) => partsHeight(doc, c.parts, c.width - 2 * CELL_PAD.x))) + 2 * CELL_PAD.y;
  const headerHeight = withHeader ? heightOf(header) : 0;
  const drawHeader = () => {
    if (!withHeader) return;
    drawRow(doc, flow.y, header, headerHeight, INK.fill);
    flow.y += headerHeight;
  };
  const bodies = rows.map((row) => columns.map((c): Cell => ({ parts: c.cell(row), width: c.width, align: c.align ?? 'left' })));
  // The header goes with the first row, never alone at the foot of a page.
  flow.ensure(headerHeight + (bodies.length ? heightOf(bodies[0]) : 0));
  drawHeader();
  for (const cells of bodies) {
    const height = heightOf(cells);
    if (flow.y + height > CONTENT_BOTTOM) {
      flow.newPage();
      drawHeader();
    }
    drawRow(doc, flow.y, cells, height, null);
    flow.y += height;
  }
  flow.y += 6;
}
