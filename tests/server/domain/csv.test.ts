import { describe, expect, test } from 'vitest';
import { CsvReader, formatCsv, parseCsv, UTF8_BOM } from '../../../server/domain/csv.js';

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

describe('formatCsv (RFC 4180, as Excel opens it)', () => {
  test('starts with the BOM, ends every row with CRLF, quotes commas, quotes and line breaks', () => {
    const text = formatCsv([
      ['名称', 'note'],
      ['“启航,未来”', 'say "hi"'],
      ['两行\n地址', null],
      [3.5, -2],
    ]);
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(text.slice(1)).toBe('名称,note\r\n"“启航,未来”","say ""hi"""\r\n"两行\n地址",\r\n3.5,-2\r\n');
  });

  test('reads back through parseCsv to the same fields', () => {
    const rows = [
      ['序号', '名称', '地址'],
      ['1', '博雅艺术, 培训', '西藏中路 "268" 号\r\n2 楼'],
      ['2', '', '  edge spaces  '],
    ];
    expect(parseCsv(formatCsv(rows).slice(UTF8_BOM.length))).toEqual(rows);
  });

  test('a field a spreadsheet would run as a formula is written as text', () => {
    expect(parseCsv(formatCsv([['=1+1', '@x']]).slice(1))).toEqual([["'=1+1", "'@x"]]);
  });
});

describe('CsvReader (a file read in chunks)', () => {
  test('split anywhere into two chunks, a file gives the same rows as read whole', () => {
    const text = 'a,"b,""c""\r\nd",e\r\n"",f\r\r\n"x""",y\n"end"';
    const whole = parseCsv(text);
    expect(whole).toEqual([['a', 'b,"c"\r\nd', 'e'], ['', 'f'], [''], ['x"', 'y'], ['end']]);
    for (let at = 0; at <= text.length; at++) {
      const reader = new CsvReader();
      expect([...reader.push(text.slice(0, at)), ...reader.push(text.slice(at)), ...reader.end()], `split at ${at}`).toEqual(whole);
    }
  });

  test('one character at a time, each row is answered as soon as its line ends', () => {
    const reader = new CsvReader();
    const answered = [...'p,q\n1,2\n'].map((ch) => reader.push(ch).length);
    expect(answered).toEqual([0, 0, 0, 1, 0, 0, 0, 1]);
    expect(reader.end()).toEqual([]);
  });
});
