import type { ClueImportReport } from '../../server/contract/clue-loop.js';
import { PLATFORM_REQUIRED_FIELDS, platformFields, type PlatformField } from '../../server/domain/platform-csv.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import type { FieldMapping, ImportEncoding } from '../state/platform-import.js';

// What the server read: the encoding (found or chosen), one select per product field prefilled with the column the
// server found by its header, and the first rows as decoded, the mapped columns named above them.

export interface ImportPreviewProps {
  report: ClueImportReport;
  encoding: ImportEncoding;
  mapping: FieldMapping;
  byHand: FieldMapping;
  disabled: boolean;
  onEncoding: (encoding: ImportEncoding) => void;
  onMap: (field: PlatformField, column: number | null) => void;
}

export const fieldKey = (field: string): MessageKey => `import.field.${field}` as MessageKey;

export function ImportPreview({ report, encoding, mapping, byHand, disabled, onEncoding, onMap }: ImportPreviewProps) {
  const { t } = useI18n();
  const fieldOfColumn = new Map(platformFields.filter((f) => mapping[f] !== undefined).map((f) => [mapping[f]!, f]));
  return (
    <section className="panel import-preview" aria-labelledby="import-preview-title">
      <h2 id="import-preview-title">{t('import.preview.title')}</h2>
      <label className="desk-field import-encoding">
        <span>{t('import.encoding')}</span>
        <select data-testid="import-encoding" value={encoding} disabled={disabled} onChange={(e) => onEncoding(e.target.value as ImportEncoding)}>
          <option value="auto">{t('import.encoding.auto', { found: report.encoding.toUpperCase() })}</option>
          <option value="utf-8">UTF-8</option>
          <option value="gbk">GBK</option>
        </select>
      </label>
      <fieldset className="import-mapping" data-testid="import-mapping">
        <legend>{t('import.mapping')}</legend>
        {platformFields.map((field) => {
          const required = PLATFORM_REQUIRED_FIELDS.includes(field);
          const guessed = report.mapping[field] !== undefined && byHand[field] === undefined;
          return (
            <label key={field} className="desk-field">
              <span>
                {t(fieldKey(field))}
                {required && <span aria-hidden="true"> *</span>}
                {guessed && <span className="hint" title={t('import.mapping.found')}> ✓</span>}
              </span>
              <select
                data-testid={`import-map-${field}`}
                value={mapping[field] ?? ''}
                required={required}
                disabled={disabled}
                onChange={(e) => onMap(field, e.target.value === '' ? null : Number(e.target.value))}
              >
                <option value="">{t('import.mapping.none')}</option>
                {report.header.map((h, i) => (
                  <option key={i} value={i}>{t('import.mapping.column', { n: i + 1, header: h || '—' })}</option>
                ))}
              </select>
            </label>
          );
        })}
      </fieldset>
      {report.header.length > 0 && (
        <div className="import-sample-wrap">
          <table className="import-sample" data-testid="import-sample">
            <caption className="hint">{t('import.preview.rows', { n: report.sample.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('import.line')}</th>
                {report.header.map((h, i) => (
                  <th key={i} scope="col">
                    {/* The field's name above the header only where they differ: a recognised header says it itself. */}
                    {(() => {
                      const field = fieldOfColumn.get(i);
                      const name = field ? t(fieldKey(field)) : '—';
                      return name === h ? <span>{h}</span> : (<><span className="import-sample__field">{name}</span><span>{h}</span></>);
                    })()}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.sample.map((cells, r) => (
                <tr key={r}>
                  <td className="matrix-num">{r + 2}</td>
                  {report.header.map((_, c) => (
                    <td key={c}>{cells[c] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
