import { useCallback } from 'react';
import type { Me } from '../../server/contract/index.js';
import type { ApiError } from '../api/errors.js';
import { errorText } from '../i18n/errors.js';
import { useI18n, type Language } from '../i18n/index.js';
import type { DistrictFeature } from '../layers/types.js';
import { canEditMatrix, useNavigation, type DeskView } from '../navigation.js';
import { TopBar } from '../panels/TopBar.js';
import { DeskDetail } from './DeskDetail.js';
import { DeskMap } from './DeskMap.js';
import { DeskMetrics } from './DeskMetrics.js';
import { DeskQueue } from './DeskQueue.js';
import { ImportPage } from './ImportPage.js';
import { IntakeDialog } from './IntakeDialog.js';
import { MatrixPage } from './MatrixPage.js';
import { ShortcutsHelp } from './ShortcutsHelp.js';
import { useDeskPage } from './use-desk-page.js';
import { useDeskView } from './use-desk-view.js';
import './desk.css';

// The clue desk (工单台): the grid centre works its clues from intake to 结案 — the queue with its SLA clocks, the map
// beside it, the open clue with the steps it allows. The page hook reads and writes everything; the parts only draw.

export interface DeskPageProps {
  user: Me;
  onLanguage: (language: Language) => void;
  onLogout: () => void;
}

const NO_DISTRICTS: readonly DistrictFeature[] = [];

/** The desk's views (`/desk?view=`): the queue, and the tools beside it. */
export function DeskPage(props: DeskPageProps) {
  const { view, open } = useDeskView();
  const back = () => open('queue');
  if (view === 'matrix') return <MatrixPage {...props} onBack={back} />;
  if (view === 'import') return <ImportPage {...props} onBack={back} onShowImported={() => open('queue', { source: 'platform' })} />;
  return <DeskWork {...props} onOpenView={open} />;
}

function DeskWork({ user, onLanguage, onLogout, onOpenView }: DeskPageProps & { onOpenView: (view: DeskView) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const page = useDeskPage(user);
  const navigation = useNavigation();
  const describe = useCallback((error: ApiError | null) => (error ? errorText(i18n, error) : null), [i18n]);
  const districtFeatures = page.districts.data?.features ?? NO_DISTRICTS;
  const districtCodes = districtFeatures.map((d) => d.properties.code);
  const loading = page.queue.loading || page.detail.loading;
  const district = page.scope ?? page.filters.district;
  const { intake, bulk } = page;
  return (
    <div className="desk-page" data-testid="desk" data-loading={loading ? 'true' : 'false'}>
      <TopBar user={user} onLanguage={onLanguage} onLogout={onLogout} />
      <div className={`progress ${loading ? 'progress--on' : ''}`} role="progressbar" aria-hidden={!loading} aria-label={t('state.loading')} />
      <main className="desk-view">
        <header className="desk-head">
          {navigation && (
            <button type="button" className="button button--ghost" data-testid="desk-back" onClick={() => navigation.open('dashboard')}>
              ← {t('desk.back')}
            </button>
          )}
          <h1>{t('desk.title')}</h1>
          <span className="synthetic-badge" data-testid="desk-synthetic">{t('desk.synthetic')}</span>
          <span className="desk-head__actions">
            {canEditMatrix(user.role) && (
              <button type="button" className="button button--ghost" data-testid="desk-open-matrix" onClick={() => onOpenView('matrix')}>
                {t('desk.tool.matrix')}
              </button>
            )}
            {user.canWrite && (
              <button type="button" className="button button--ghost" data-testid="desk-open-import" onClick={() => onOpenView('import')}>
                {t('desk.tool.import')}
              </button>
            )}
            {user.canWrite && (
              <button type="button" className="button button--primary" data-testid="desk-intake" onClick={() => intake.setOpen(true)}>
                {t('desk.intake')}
              </button>
            )}
            <button type="button" className="button button--ghost" data-testid="desk-shortcuts" aria-keyshortcuts="?" onClick={() => page.showHelp(true)}>
              <kbd>?</kbd> {t('desk.shortcuts')}
            </button>
          </span>
        </header>
        <DeskMetrics metrics={page.metrics.data} district={district} loading={page.metrics.loading} error={describe(page.metrics.error)} />
        {(bulk.outcome || bulk.error) && (
          <div className={`desk-notice${bulk.error || (bulk.outcome && bulk.outcome.failed.length > 0) ? ' desk-notice--warn' : ''}`} role="status" data-testid="desk-bulk-result">
            {bulk.error && describe(bulk.error)}
            {bulk.outcome && <span>{t('desk.bulk.done', { n: bulk.outcome.dispatched })}</span>}
            {bulk.outcome && bulk.outcome.failed.length > 0 && (
              <span>
                {t('desk.bulk.failed', { n: bulk.outcome.failed.length })} {bulk.outcome.failed.map((f) => `#${f.id} ${f.message}`).join('；')}
              </span>
            )}
            <button type="button" className="button button--small" onClick={page.dismissBulk}>{t('desk.bulk.dismiss')}</button>
          </div>
        )}
        <div className="desk-grid">
          <DeskQueue
            filters={page.filters}
            scope={page.scope}
            districtCodes={districtCodes}
            onFilter={page.setFilter}
            onOffset={page.setOffset}
            items={page.items}
            total={page.queue.data?.total ?? null}
            loading={page.queue.loading}
            error={describe(page.queue.error)}
            onRetry={page.queue.retry}
            nowMs={page.nowMs}
            cursor={page.cursor}
            onSelect={page.select}
            onToggle={page.toggle}
            onToggleAll={page.toggleAll}
            canWrite={user.canWrite}
            bulkRunning={bulk.running}
            onBulkDispatch={() => void page.dispatchChecked()}
          />
          <DeskMap
            layers={page.layers}
            districts={districtFeatures}
            selectedDistrict={district}
            viewRequest={page.viewRequest}
            mapped={page.mappedCount}
            total={page.items.length}
            picking={intake.picking}
            onSelect={page.select}
            onPick={intake.pick}
            onCancelPick={intake.cancelPick}
          />
          <DeskDetail
            clue={page.detail.data && page.detail.data.properties.id === page.cursor.open ? page.detail.data : null}
            loading={page.detail.loading}
            error={describe(page.detail.error)}
            onRetry={page.detail.retry}
            timeline={page.timeline.data && page.timeline.data.clueId === page.cursor.open ? page.timeline.data : null}
            timelineError={describe(page.timeline.error)}
            duplicates={page.duplicates.data && page.duplicates.data.clueId === page.cursor.open ? page.duplicates.data : null}
            duplicatesLoading={page.duplicates.loading}
            nowMs={page.nowMs}
            canWrite={user.canWrite}
            onStep={page.runStep}
            onOpen={page.select}
          />
        </div>
      </main>
      {page.cursor.help && <ShortcutsHelp onClose={() => page.showHelp(false)} />}
      {intake.open && (
        <IntakeDialog
          streets={page.streets.data}
          position={intake.picked}
          onPosition={intake.setPicked}
          picking={intake.picking}
          onPick={intake.startPick}
          nowMs={page.nowMs}
          onSubmit={intake.submit}
          institutionText={intake.institutionText}
          onInstitutionText={intake.setInstitutionText}
          institutionMatches={intake.institutionMatches?.data ?? null}
          institutionsLoading={intake.institutionMatches?.loading ?? false}
          placeText={intake.placeText}
          onPlaceText={intake.setPlaceText}
          roadMatches={intake.roadMatches?.data ?? null}
          roadsLoading={intake.roadMatches?.loading ?? false}
          saved={intake.saved}
          onSaved={intake.setSaved}
          duplicates={intake.duplicates.data}
          duplicatesError={intake.duplicates.error}
          onOpenClue={(id) => {
            intake.setOpen(false);
            page.select(id);
          }}
          onClose={() => intake.setOpen(false)}
        />
      )}
    </div>
  );
}
