import { pageCounterContent } from './page-counter.js';

/**
 * A4 paper with the page number at the foot of every printed page. A <style> of its own: the words come from the
 * catalogue, and @page rules cannot read them from the page's elements.
 */
export function PrintPageNumbers({ template }: { template: string }) {
  const css = `@media print { @page { size: A4 portrait; margin: 14mm 14mm 16mm; @bottom-center { content: ${pageCounterContent(template)}; font-size: 8pt; color: #555; } } }`;
  return <style>{css}</style>;
}
