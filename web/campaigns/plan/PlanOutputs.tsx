import type { ApiError } from '../../api/errors.js';
import { errorMessage } from '../../api/errors.js';
import type { ExportFormat, ExportTable } from '../../api/campaign-plans.js';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import type { PlanView } from '../../state/campaign-plan.js';

export interface PlanOutputsProps {
  view: PlanView;
  /** The district the sheets of the day are for: the one shown, or the plan's only one. */
  district: string | null;
  onSheets: () => void;
  onNotice: () => void;
  onExport: (table: ExportTable, format: ExportFormat) => void;
  error: ApiError | null;
}

const TABLES: ExportTable[] = ['targets', 'routes', 'assignments'];
const FORMATS: ExportFormat[] = ['csv', 'geojson'];

/** 输出: the dispatch sheets of the day shown, the 一公开 notice, and the files of the plan. */
export function PlanOutputs({ view, district, onSheets, onNotice, onExport, error }: PlanOutputsProps) {
  const { t } = useI18n();
  return (
    <section className="plan-block" aria-labelledby="plan-outputs-title" data-testid="plan-outputs">
      <h3 id="plan-outputs-title" className="panel__subtitle">
        {t('plan.outputs')}
      </h3>
      <div className="plan-outputs">
        <button type="button" className="button button--primary" disabled={!district || !view.date} title={district ? undefined : t('plan.replan.pickDistrict')} onClick={onSheets} data-testid="plan-open-sheets">
          {t('plan.output.daySheets')}
        </button>
        <button type="button" className="button" onClick={onNotice} data-testid="plan-open-notice">
          {t('plan.output.notice')}
        </button>
        <span className="plan-outputs__files" role="group" aria-label={t('plan.output.files')}>
          {TABLES.flatMap((table) =>
            FORMATS.map((format) => (
              <button key={`${table}.${format}`} type="button" className="button button--small" onClick={() => onExport(table, format)} data-testid={`plan-export-${table}-${format}`}>
                {t(`plan.export.${table}` as MessageKey)} {format === 'csv' ? 'CSV' : 'GeoJSON'}
              </button>
            )),
          )}
        </span>
      </div>
      {error && (
        <p className="state-line state-line--error" role="alert" data-testid="plan-download-error">
          {t('plan.output.failed')} {t(errorMessage(error).key)}
        </p>
      )}
    </section>
  );
}
