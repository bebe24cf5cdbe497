// Reading CSV as spreadsheets and registries write it: the benchmark's known values, exported files read back, imports.

/** RFC 4180: quoted fields, doubled quotes, CRLF or LF line ends. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
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
