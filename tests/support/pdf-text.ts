import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of each page of a PDF, as a reader's copy-and-paste would give it (pdf.js, the ToUnicode maps). */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  // pdf.js takes the buffer over: give it a copy so that the caller's bytes stay readable.
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
    }
    return pages;
  } finally {
    await pdf.destroy();
  }
}

/** Without white space: a wrapped line and the spaces pdfkit writes between words do not matter to a search. */
export const squeezed = (text: string): string => text.replace(/\s+/g, '');
