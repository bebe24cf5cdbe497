// "第 {page} 页 / 共 {pages} 页" as the CSS content of a printed page's margin box: the words of the catalogue around
// the page counters, so browser print numbers its pages in the language shown, as the PDF does.

const cssString = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\a ')}"`;

export function pageCounterContent(template: string): string {
  const parts: string[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{(page|pages)\}/g)) {
    if (match.index > last) parts.push(cssString(template.slice(last, match.index)));
    parts.push(`counter(${match[1]})`);
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push(cssString(template.slice(last)));
  return parts.join(' ') || '""';
}
