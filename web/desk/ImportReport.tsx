import type { ClueImportReport } from '../../server/contract/clue-loop.js';
import { translateCode, useI18n, type MessageKey } from '../i18n/index.js';
import { districtName } from '../i18n/names.js';
import { problemMessage, reportLines } from '../state/platform-import.js';
import { shanghaiMinute } from './format.js';
import { fieldKey } from './ImportPreview.js';

// The dry run's answer: every problem by line and field, or the rows that would be imported.

export function ImportReport({ report, checking }: { report: ClueImportReport; checking: boolean }) {
  const { t, language } = useI18n();
  const lines = reportLines(report.problems);
  const messageOf = (message: string) => {
    const known = problemMessage(message);
    const params = known && Object.fromEntries(Object.entries(known.params).map(([k, v]) => [k, /^\d{6}$/.test(v) ? districtName(v, language) : v]));
    return known ? t(known.key as MessageKey, params!) : message;
  };
  const fieldName = (field: string) => (field === 'file' || field === 'encoding' || field.length === 0 ? t(`import.field.${field === 'encoding' ? 'encoding' : 'file'}`) : t(fieldKey(field)));
  return (
    <section className="panel import-report" aria-labelledby="import-report-title" aria-busy={checking} data-testid="import-report" data-clean={lines.length === 0 ? 'true' : 'false'}>
      <h2 id="import-report-title">{t('import.report.title')}</h2>
      {lines.length > 0 ? (
        <>
          <p className="desk-form__issue" role="alert" data-testid="import-report-summary">{t('import.report.problems', { n: lines.length })}</p>
          <table className="import-table" data-testid="import-problems">
            <thead>
              <tr>
                <th scope="col">{t('import.line')}</th>
                <th scope="col">{t('import.report.field')}</th>
                <th scope="col">{t('import.report.message')}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((p, i) => (
                <tr key={i} data-testid="import-problem" data-line={p.line ?? ''} data-field={p.field}>
                  <td className="matrix-num">{p.line ?? t('import.report.wholeFile')}</td>
                  <td>{fieldName(p.field)}</td>
                  <td title={p.message}>{messageOf(p.message)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <>
          <p className="hint hint--ok" role="status" data-testid="import-report-summary">{t('import.report.clean', { n: report.rowCount })}</p>
          <table className="import-table" data-testid="import-rows">
            <thead>
              <tr>
                <th scope="col">{t('import.line')}</th>
                <th scope="col">{t('import.field.externalId')}</th>
                <th scope="col">{t('import.field.districtName')}</th>
                <th scope="col">{t('import.report.type')}</th>
                <th scope="col">{t('import.field.reportedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {report.rows.map((r) => (
                <tr key={r.line}>
                  <td className="matrix-num">{r.line}</td>
                  <td>{r.externalId}</td>
                  <td>{districtName(r.districtCode, language)}</td>
                  <td>{translateCode(t, 'type', r.suspectedType)}</td>
                  <td>{shanghaiMinute(r.reportedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
