import type { LayerImportReportBody } from '../../server/contract/layer-imports.js';
import { importCrses, importLayers, LAYER_FIELDS, POSITION_FIELDS, REQUIRED_FIELDS, type ImportCrs, type ImportLayer } from '../../server/domain/import-vocabulary.js';
import { ImportDropZone } from '../desk/ImportDropZone.js';
import { errorText } from '../i18n/errors.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { RegistryShell, type RegistryPageProps } from '../panels/AdminRegistry.js';
import { PageHeader } from '../panels/PageHeader.js';
import { useLayerImport, type EncodingChoice } from './use-layer-import.js';
import './layer-imports.css';

// 图层导入 (`?page=imports`, city-wide administrators): a file of institutions, clues or grid cells (GeoJSON, CSV,
// zipped Shapefile) checked whole by a dry run, its columns matched to the layer's fields (by hand where the headers
// are not the usual ones), every problem listed by row; then imported all at once, or not at all.

/** Problems shown at once; a file with more is fixed from the first ones and sent again. */
const SHOWN_PROBLEMS = 300;
const ACCEPT = '.csv,.txt,.geojson,.json,.zip,text/csv,application/geo+json,application/json,application/zip';

export function LayerImportsView(props: RegistryPageProps) {
  const { t } = useI18n();
  return (
    <RegistryShell id="imports" {...props} forbidden={{ title: t('imports.forbidden'), body: t('imports.forbiddenBody'), back: t('imports.back') }}>
      {() => (props.user.districtCode ? <p className="displays-error" role="alert" data-testid="imports-city-only">{t('imports.cityOnly')}</p> : <LayerImports onBack={props.onBack} />)}
    </RegistryShell>
  );
}

/** "line 3.status" → where ("line 3") and which field ("status"); whole-file problems have no row. */
export function problemPlace(path: string): { row: number | null; kind: 'line' | 'feature' | null; field: string } {
  const found = /^(line|feature) (\d+)\.(.+)$/.exec(path);
  if (found) return { kind: found[1] as 'line' | 'feature', row: Number(found[2]), field: found[3] };
  return { kind: null, row: null, field: path.replace(/^(header|map)\./, '') };
}

function LayerImports({ onBack }: { onBack: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const state = useLayerImport();
  const { report, choices } = state;
  const busy = state.reading || state.checking || state.committing;
  const fieldLabel = (field: string) => t(`imports.field.${field}` as MessageKey);
  const phase = state.committing ? 'committing' : state.checking || state.reading ? 'checking' : report?.committed ? 'done' : report ? 'checked' : 'idle';
  return (
    <>
      <PageHeader title={t('imports.title')} subtitle={t('imports.subtitle')} back={t('imports.back')} onBack={onBack} backTestId="imports-back" />
      <div className="layer-import" data-testid="layer-import" data-state={phase}>
        <form className="panel layer-import__form" aria-labelledby="layer-import-options" onSubmit={(e) => e.preventDefault()}>
          <h3 id="layer-import-options" className="panel__subtitle">{t('imports.options')}</h3>
          <label className="field">
            <span>{t('imports.layer')}</span>
            <select value={choices.layer} disabled={busy} onChange={(e) => state.change({ layer: e.target.value as ImportLayer })} data-testid="imports-layer">
              {importLayers.map((layer) => <option key={layer} value={layer}>{t(`imports.layer.${layer}`)}</option>)}
            </select>
          </label>
          <label className="field">
            <span>{t('imports.crs')}</span>
            <select value={choices.crs ?? ''} disabled={busy} onChange={(e) => state.change({ crs: (e.target.value || null) as ImportCrs | null })} data-testid="imports-crs">
              <option value="">{t('imports.crs.auto')}</option>
              {importCrses.map((crs) => <option key={crs} value={crs}>{t(`imports.crs.${crs}`)}</option>)}
            </select>
          </label>
          <label className="field">
            <span>{t('imports.encoding')}</span>
            <select value={choices.encoding} disabled={busy} onChange={(e) => state.change({ encoding: e.target.value as EncodingChoice })} data-testid="imports-encoding">
              <option value="auto">{t('imports.encoding.auto')}</option>
              <option value="utf-8">UTF-8</option>
              <option value="gbk">GBK</option>
            </select>
          </label>
          <ImportDropZone fileName={state.file?.name ?? null} busy={state.committing} onFile={(file) => void state.choose(file)} accept={ACCEPT} choose={t('imports.choose')} />
          <p className="hint">{t('imports.formats')}</p>
          <p className="hint" role="status" aria-live="polite" data-testid="imports-status">
            {state.reading ? t('imports.reading') : state.checking ? t('imports.checking') : state.committing ? t('imports.committing') : ''}
            {busy && <span className="spinner" aria-hidden="true" />}
          </p>
          {state.error && (
            <p className="displays-error" role="alert" data-testid="imports-error">
              {errorText(i18n, state.error)} {state.error.message}
              <button type="button" className="button button--small" onClick={state.retry}>{t('imports.retry')}</button>
            </p>
          )}
        </form>

        {!report && !busy && (
          <section className="panel layer-import__empty" data-testid="imports-empty">
            <h3 className="panel__subtitle">{t('imports.emptyTitle')}</h3>
            <p className="hint">{t('imports.emptyBody')}</p>
            <FieldGuide layer={choices.layer} fieldLabel={fieldLabel} />
          </section>
        )}

        {report && (
          <div className="layer-import__report" aria-busy={state.checking}>
            {report.committed ? (
              <section className="panel layer-import__done" role="status" data-testid="imports-done" data-count={report.imported}>
                <h3 className="panel__subtitle">{t('imports.doneTitle')}</h3>
                <p>{t('imports.done', { n: report.imported, layer: t(`imports.layer.${report.layer}`), file: report.file })}</p>
                <p className="hint">{t('imports.realData')}</p>
                <div className="displays-buttons">
                  <button type="button" className="button button--primary" onClick={onBack} data-testid="imports-to-map">{t('imports.toMap')}</button>
                  <button type="button" className="button" onClick={state.reset} data-testid="imports-again">{t('imports.again')}</button>
                </div>
              </section>
            ) : (
              <Summary report={report} canCommit={state.canCommit} committing={state.committing} onCommit={() => void state.commit()} />
            )}
            <FieldMatch report={report} mapping={choices.mapping} disabled={busy || report.committed} fieldLabel={fieldLabel} onMap={(mapping) => state.change({ mapping })} />
            <Problems report={report} fieldLabel={fieldLabel} />
          </div>
        )}
      </div>
    </>
  );
}

function Summary({ report, canCommit, committing, onCommit }: { report: LayerImportReportBody; canCommit: boolean; committing: boolean; onCommit: () => void }) {
  const { t } = useI18n();
  const refused = report.problemCount > 0;
  return (
    <section className="panel layer-import__summary" data-testid="imports-summary" data-clean={!refused} aria-labelledby="imports-summary-title">
      <h3 id="imports-summary-title" className="panel__subtitle">{t(report.dryRun ? 'imports.dryRunTitle' : 'imports.refusedTitle')}</h3>
      <dl className="layer-import__facts">
        <dt>{t('imports.format')}</dt>
        <dd>{t(`imports.format.${report.format}`)}</dd>
        {report.encoding && (
          <>
            <dt>{t('imports.encoding')}</dt>
            <dd>{report.encoding.toUpperCase()}</dd>
          </>
        )}
        <dt>{t('imports.crs')}</dt>
        <dd>{t(`imports.crs.${report.crs}`)}</dd>
        <dt>{t('imports.records')}</dt>
        <dd data-testid="imports-records">{report.records.toLocaleString()}</dd>
        <dt>{t('imports.ready')}</dt>
        <dd data-testid="imports-ready">{report.imported.toLocaleString()}</dd>
      </dl>
      {report.notes.map((note) => (
        <p key={note} className="hint">ⓘ {note}</p>
      ))}
      {refused ? (
        <p className="layer-import__verdict layer-import__verdict--bad" role="alert" data-testid="imports-verdict">{t('imports.refused', { n: report.problemCount })}</p>
      ) : (
        <p className="layer-import__verdict layer-import__verdict--ok" data-testid="imports-verdict">{t('imports.clean', { n: report.imported })}</p>
      )}
      <button type="button" className="button button--primary" disabled={!canCommit || committing} onClick={onCommit} data-testid="imports-commit">
        {committing ? t('imports.committing') : t('imports.commit', { n: report.imported })}
      </button>
      <p className="hint">{t('imports.allOrNone')}</p>
    </section>
  );
}

function FieldGuide({ layer, fieldLabel }: { layer: ImportLayer; fieldLabel: (field: string) => string }) {
  const { t } = useI18n();
  return (
    <table className="layer-import__table" data-testid="imports-guide">
      <thead>
        <tr>
          <th scope="col">{t('imports.fieldName')}</th>
          <th scope="col">{t('imports.headers')}</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(LAYER_FIELDS[layer]).map(([field, headers]) => (
          <tr key={field}>
            <td>
              {fieldLabel(field)}
              {REQUIRED_FIELDS[layer].includes(field) && <span className="layer-import__required" title={t('imports.required')}> *</span>}
            </td>
            <td>{headers.join('、')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FieldMatch({ report, mapping, disabled, fieldLabel, onMap }: { report: LayerImportReportBody; mapping: Record<string, string>; disabled: boolean; fieldLabel: (field: string) => string; onMap: (mapping: Record<string, string>) => void }) {
  const { t } = useI18n();
  if (report.columns.length === 0) return null;
  const fields = [...Object.keys(LAYER_FIELDS[report.layer]), ...(report.format === 'csv' && report.layer !== 'grid-cells' ? POSITION_FIELDS.filter((f) => f !== 'geometry') : [])];
  const map = (field: string, column: string) => {
    const next = { ...mapping };
    if (column) next[field] = column;
    else delete next[field];
    onMap(next);
  };
  return (
    <section className="panel layer-import__fields" aria-labelledby="imports-fields-title" data-testid="imports-fields">
      <h3 id="imports-fields-title" className="panel__subtitle">{t('imports.fieldsTitle')}</h3>
      <p className="hint">{t('imports.fieldsHint')}</p>
      <table className="layer-import__table">
        <thead>
          <tr>
            <th scope="col">{t('imports.fieldName')}</th>
            <th scope="col">{t('imports.column')}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => {
            const required = REQUIRED_FIELDS[report.layer].includes(field);
            const found = report.fields[field] ?? '';
            return (
              <tr key={field} data-testid="imports-field" data-field={field} data-column={found}>
                <td>
                  <label htmlFor={`imports-map-${field}`}>{fieldLabel(field)}</label>
                  {required && <span className="layer-import__required" title={t('imports.required')}> *</span>}
                </td>
                <td>
                  <select id={`imports-map-${field}`} value={mapping[field] ?? found} disabled={disabled} onChange={(e) => map(field, e.target.value)} data-testid={`imports-map-${field}`}>
                    <option value="">{found || field === 'longitude' || field === 'latitude' ? t('imports.columnAuto') : t('imports.columnNone')}</option>
                    {report.columns.map((column) => <option key={column} value={column}>{column}</option>)}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function Problems({ report, fieldLabel }: { report: LayerImportReportBody; fieldLabel: (field: string) => string }) {
  const { t } = useI18n();
  if (report.problems.length === 0) return null;
  const shown = report.problems.slice(0, SHOWN_PROBLEMS);
  const knownField = (field: string) => field in LAYER_FIELDS[report.layer] || (POSITION_FIELDS as readonly string[]).includes(field) || field === 'file' || field === 'encoding';
  return (
    <section className="panel layer-import__problems" aria-labelledby="imports-problems-title" data-testid="imports-problems">
      <h3 id="imports-problems-title" className="panel__subtitle">{t('imports.problemsTitle', { n: report.problemCount })}</h3>
      <div className="layer-import__scroll">
        <table className="layer-import__table">
          <thead>
            <tr>
              <th scope="col">{t('imports.where')}</th>
              <th scope="col">{t('imports.fieldName')}</th>
              <th scope="col">{t('imports.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((problem, i) => {
              const place = problemPlace(problem.path);
              return (
                <tr key={i} data-testid="imports-problem" data-path={problem.path}>
                  <td className="layer-import__num">{place.row === null ? t('imports.wholeFile') : t(place.kind === 'line' ? 'imports.line' : 'imports.feature', { n: place.row })}</td>
                  <td>{knownField(place.field) ? fieldLabel(place.field) : place.field}</td>
                  <td>{problem.message}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {report.problemCount > shown.length && <p className="hint" data-testid="imports-more">{t('imports.more', { n: report.problemCount - shown.length })}</p>}
    </section>
  );
}
