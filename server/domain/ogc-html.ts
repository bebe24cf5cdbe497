// The HTML face of the OGC API – Features (/ogc?f=html, or a browser's Accept): one plain, readable page per
// resource, with the same links as the JSON, so that a person can walk the API the way a client does.

export interface OgcLink {
  href: string;
  rel: string;
  type?: string;
  title?: string;
}

export interface OgcHtmlPage {
  title: string;
  description?: string;
  /** Every link of the resource; the JSON twin is offered as `alternate`. */
  links: OgcLink[];
  /** Rows of a table (collections, features), cells as text or as a link. */
  table?: { columns: string[]; rows: (string | { text: string; href: string })[][] };
  /** Lines of fact above the table (numberMatched, extent). */
  facts?: [string, string][];
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

const link = (href: string, text: string) => `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;

export function renderOgcHtml(page: OgcHtmlPage): string {
  const links = page.links
    .map((l) => `<li>${link(l.href, l.title ?? l.rel)} <small>${escapeHtml(l.rel)}${l.type ? `, ${escapeHtml(l.type)}` : ''}</small></li>`)
    .join('\n');
  const facts = page.facts?.length
    ? `<dl>${page.facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`
    : '';
  const table = page.table
    ? `<table><thead><tr>${page.table.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${page.table.rows
        .map((row) => `<tr>${row.map((cell) => `<td>${typeof cell === 'string' ? escapeHtml(cell) : link(cell.href, cell.text)}</td>`).join('')}</tr>`)
        .join('\n')}</tbody></table>`
    : '';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} · JointOps OGC API</title>
<style>body{font:15px/1.5 system-ui,"Noto Sans CJK SC",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b2430}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border:1px solid #d5dbe3;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#eef2f7}dt{font-weight:600;float:left;clear:left;margin-right:.5rem}dd{margin:0 0 .25rem}small{color:#667}</style></head>
<body><h1>${escapeHtml(page.title)}</h1>${page.description ? `<p>${escapeHtml(page.description)}</p>` : ''}
${facts}<h2>Links</h2><ul>${links}</ul>${table}</body></html>`;
}
