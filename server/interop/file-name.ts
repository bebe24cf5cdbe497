// The name a download is saved under: RFC 6266 with an ASCII `filename` for every client and a UTF-8 `filename*`
// (RFC 8187) in Chinese for those that read it, which today's browsers all do.
import { layerSpecs, type ExportFormat, type ExportLayer } from './layers.js';

export interface ExportNameParts {
  layer: ExportLayer;
  format: ExportFormat;
  /** The district the rows are of, when one: its code and its name. */
  district?: { code: string; name: string } | null;
  /** YYYY-MM-DD of the export, in the user's time zone. */
  date: string;
}

export function exportNames(p: ExportNameParts): { ascii: string; utf8: string } {
  const spec = layerSpecs[p.layer];
  const ascii = [spec.table, p.district?.code, p.date].filter(Boolean).join('_');
  const utf8 = [spec.zh, p.district?.name, p.date].filter(Boolean).join('_');
  return { ascii: `${ascii}.${p.format}`, utf8: `${utf8}.${p.format}` };
}

/** RFC 5987's attr-char set leaves these unescaped; encodeURIComponent escapes a few more that it allows. */
const rfc5987 = (text: string) => encodeURIComponent(text).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);

export function contentDisposition(names: { ascii: string; utf8: string }): string {
  const ascii = names.ascii.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(names.utf8)}`;
}
