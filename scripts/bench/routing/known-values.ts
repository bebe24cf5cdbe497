import { readFileSync } from 'node:fs';

export interface KnownValue {
  problem: string;
  instance: string;
  n: number;
  value: number;
  vehicles: number;
  valueKind: string;
  costConvention: string;
  file: string;
}

/** Reads known_values.csv (RFC 4180 quoting). */
export function readKnownValues(path: string): KnownValue[] {
  const rows = parseCsv(readFileSync(path, 'utf8'));
  const [head, ...body] = rows;
  const col = (name: string) => head.indexOf(name);
  return body
    .filter((r) => r.length >= head.length)
    .map((r) => ({
      problem: r[col('problem')],
      instance: r[col('instance')],
      n: Number(r[col('n')]),
      value: Number(r[col('value')]),
      vehicles: Number(r[col('vehicles')]),
      valueKind: r[col('value_kind')],
      costConvention: r[col('cost_convention')],
      file: r[col('file')],
    }));
}

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
