// Reading CSV as spreadsheets and registries write it: the benchmark's known values, exported files read back, imports.

/**
 * RFC 4180 read in pieces: quoted fields, doubled quotes, CRLF or LF line ends. A file of any size is read a chunk at
 * a time, each call answering the rows that chunk completed, so an import never holds the file as one string.
 */
export class CsvReader {
  private row: string[] = [];
  private field = '';
  private quoted = false;
  /** A quote or a carriage return at a chunk's end, whose meaning the next chunk's first character decides. */
  private pending = '';

  push(chunk: string): string[][] {
    const text = this.pending + chunk;
    this.pending = '';
    const rows: string[][] = [];
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if ((ch === '"' && this.quoted) || (ch === '\r' && !this.quoted)) {
        if (i + 1 === text.length) {
          this.pending = ch;
          break;
        }
      }
      if (this.quoted) {
        if (ch === '"' && text[i + 1] === '"') {
          this.field += '"';
          i++;
        } else if (ch === '"') this.quoted = false;
        else this.field += ch;
      } else if (ch === '"') this.quoted = true;
      else if (ch === ',') {
        this.row.push(this.field);
        this.field = '';
      } else if (ch === '\n' || ch === '\r') {
        if (ch === '\r' && text[i + 1] === '\n') i++;
        this.row.push(this.field);
        rows.push(this.row);
        this.row = [];
        this.field = '';
      } else this.field += ch;
    }
    return rows;
  }

  /** The last row, when the file does not end with a line break. */
  end(): string[][] {
    const rows = this.pending ? this.flushPending() : [];
    if (this.field || this.row.length) {
      this.row.push(this.field);
      rows.push(this.row);
    }
    this.row = [];
    this.field = '';
    return rows;
  }

  private flushPending(): string[][] {
    const ch = this.pending;
    this.pending = '';
    if (ch === '"') {
      this.quoted = false;
      return [];
    }
    this.row.push(this.field);
    const row = this.row;
    this.row = [];
    this.field = '';
    return [row];
  }
}

export function parseCsv(text: string): string[][] {
  const reader = new CsvReader();
  return [...reader.push(text), ...reader.end()];
}

// Writing CSV that Excel opens with its Chinese intact: exports of hot cells, dispatch sheets and 一公开 notices.

/** Excel reads a file as UTF-8 only when it starts with the byte order mark; without it the Chinese turns to mojibake. */
export const UTF8_BOM = '\uFEFF';

export type CsvValue = string | number | null;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote, a line break or edge spaces, quotes doubled. Text
 * that a spreadsheet would run as a formula (leading = + - @, tab or carriage return) gets a leading apostrophe:
 * names come from the database and from the public, and a file opened in Excel must not execute them.
 */
export function csvField(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: the BOM, one line per row joined by CRLF (RFC 4180), a CRLF after the last row. */
export function formatCsv(rows: readonly (readonly CsvValue[])[]): string {
  return `${UTF8_BOM}${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
