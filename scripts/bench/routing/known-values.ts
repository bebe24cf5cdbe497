import { readFileSync } from 'node:fs';
import { parseCsv } from '../../../server/domain/csv.js';

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
