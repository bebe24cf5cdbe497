import { describe, expect, test } from 'vitest';
import { renderDispatchSheetPdf, renderDispatchSheetsPdf } from '../../../server/documents/dispatch-pdf.js';
import { DispatchInputError } from '../../../server/planning/dispatch/index.js';
import { dispatchSheetFixture, LONG_ADDRESS, secondSheetFixture } from '../../fixtures/dispatch-sheets.js';
import { pdfPageTexts, squeezed } from '../../support/pdf-text.js';

const CREATED = new Date(Date.UTC(2026, 0, 20, 2));
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('renderDispatchSheetPdf (派单, A4, zh-CN)', () => {
  test('the text read back has the title, the officers’ certificates, the addresses and the page count', async () => {
    const sheet = dispatchSheetFixture();
    const bytes = await renderDispatchSheetPdf(sheet, { createdAt: CREATED });
    expect(latin1(bytes.subarray(0, 5))).toBe('%PDF-');
    const pages = await pdfPageTexts(bytes);
    expect(pages).toHaveLength(3);
    const all = squeezed(pages.join(''));
    expect(squeezed(pages[0])).toContain('校外培训联合执法检查派单');
    expect(all).toContain('沪执310101030007');
    // The long address wraps over several lines of its cell and still reads as one.
    expect(all).toContain(squeezed(LONG_ADDRESS));
    expect(all).toContain(squeezed(sheet.stops[0].address));
    pages.forEach((page, i) => expect(squeezed(page)).toContain(`第${i + 1}页/共3页`));
    // Each 十查 item of a stop is printed with its tick box; the legal basis and the signatures end the sheet.
    expect(all).toContain('在职教师兼职：公办中小学在职教师兼职授课');
    expect(squeezed(pages[2])).toContain('检查组组长（签字）');
    expect(all).toContain(squeezed(sheet.legalBasis[0]));
  });

  test('the stop table goes on over the page break under its header again', async () => {
    const sheet = dispatchSheetFixture();
    // Eighteen stops cannot fit under the map on the first page.
    const stops = Array.from({ length: 18 }, (_, i) => ({ ...sheet.stops[i % 6], name: `检查对象${i + 1}号`, creditCode: null, eta: '18:10', departure: '18:10' }));
    const pages = await pdfPageTexts(await renderDispatchSheetPdf({ ...sheet, stops }, { createdAt: CREATED }));
    const header = '序号预计到达离开检查对象地址列入原因';
    const withHeader = pages.filter((p) => squeezed(p).includes(header));
    expect(withHeader.length).toBe(2);
    expect(squeezed(withHeader[1])).toContain('检查对象18号');
    expect(squeezed(pages[1]).startsWith(squeezed('2026 年寒假校外培训专项治理行动 · 第1组 · 2026-01-23 18:00–21:30'))).toBe(true);
  });

  test('embeds a subset of Noto Sans SC, so the file stays small; the same sheet gives the same bytes', async () => {
    const bytes = await renderDispatchSheetPdf(dispatchSheetFixture(), { createdAt: CREATED });
    const raw = latin1(bytes);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Bold/);
    expect(raw).toContain('/Lang (zh-CN)');
    expect(bytes.length).toBeLessThan(150_000);
    expect(Buffer.from(await renderDispatchSheetPdf(dispatchSheetFixture(), { createdAt: CREATED })).equals(Buffer.from(bytes))).toBe(true);
  });

  test('English on request', async () => {
    const pages = await pdfPageTexts(await renderDispatchSheetPdf(dispatchSheetFixture(), { language: 'en', createdAt: CREATED }));
    expect(pages[0]).toContain('Joint enforcement dispatch sheet');
    expect(pages[0]).toContain('Page 1 of 3');
  });

  test('bad input is refused with the fields at fault, before any page is made', async () => {
    await expect(renderDispatchSheetPdf({ ...dispatchSheetFixture(), stops: [] })).rejects.toThrow(DispatchInputError);
    await expect(renderDispatchSheetPdf({ ...dispatchSheetFixture(), stops: [] })).rejects.toThrow('cannot print the dispatch sheet: stops: a dispatch sheet lists at least one stop');
    await expect(renderDispatchSheetPdf({ ...dispatchSheetFixture(), members: [] })).rejects.toThrow(/members: a team needs at least 2 certified officers/);
    await expect(renderDispatchSheetPdf(null)).rejects.toThrow(DispatchInputError);
  });
});

describe('renderDispatchSheetsPdf', () => {
  test('several sheets in one document, each counting its own pages', async () => {
    const pages = await pdfPageTexts(await renderDispatchSheetsPdf([dispatchSheetFixture(), secondSheetFixture()], { createdAt: CREATED }));
    expect(pages).toHaveLength(5);
    expect(pages.map((p) => /第\s*(\d+)\s*页\s*\/\s*共\s*(\d+)\s*页/.exec(p)?.slice(1).join('/'))).toEqual(['1/3', '2/3', '3/3', '1/2', '2/2']);
    expect(squeezed(pages[3])).toContain('第2组');
    expect(squeezed(pages[3])).toContain('沪执310101020003');
    // The second team has no driven line: its map says the legs are straight.
    expect(squeezed(pages[3])).toContain('虚线为点位间直线示意');
    await expect(renderDispatchSheetsPdf([])).rejects.toThrow('give at least one dispatch sheet');
  });
});
