import { describe, expect, test } from 'vitest';
import { parseCsv } from '../../../server/domain/csv.js';

describe('parseCsv (RFC 4180)', () => {
  test('quoted fields keep commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,"b,c","say ""hi""","two\nlines"\n1,2,3,4\n')).toEqual([
      ['a', 'b,c', 'say "hi"', 'two\nlines'],
      ['1', '2', '3', '4'],
    ]);
  });

  test('CRLF and LF line ends read alike; a last line without an end is kept; empty fields stay', () => {
    expect(parseCsv('x,y\r\n1,\r\n,2')).toEqual([
      ['x', 'y'],
      ['1', ''],
      ['', '2'],
    ]);
  });
});
