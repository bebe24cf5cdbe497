import { useCallback } from 'react';
import type { Me } from '../../server/contract/index.js';
import { useDistricts, type ApiError } from '../api/index.js';
import { errorText } from '../i18n/errors.js';
import { useI18n, type Language } from '../i18n/index.js';
import type { DistrictFeature } from '../layers/types.js';
import { REVIEW_PATH, useNavigation } from '../navigation.js';
import { TopBar } from '../panels/TopBar.js';
import { ReviewDrill } from './ReviewDrill.js';
import { ReviewEmerging } from './ReviewEmerging.js';
import { ReviewKpis } from './ReviewKpis.js';
import { ReviewMaps } from './ReviewMaps.js';
import { ReviewPeriodControl } from './ReviewPeriodControl.js';
import { ReviewRanking } from './ReviewRanking.js';
import { ReviewShare } from './ReviewShare.js';
import { ReviewSlider } from './ReviewSlider.js';
import { ReviewTrend } from './ReviewTrend.js';
import { useReviewPage } from './use-review-page.js';
import './review.css';

// The district review (区领导研判): is a hot spot new, growing or fading; how does the district rank and why; what did
// the campaign change. The page hook reads everything; the parts below only draw it.

export interface ReviewPageProps {
  user: Me;
  onLanguage: (language: Language) => void;
  onLogout: () => void;
}

const NO_DISTRICTS: readonly DistrictFeature[] = [];

export function ReviewPage({ user, onLanguage, onLogout }: ReviewPageProps) {
  const { t, language } = useI18n();
  const page = useReviewPage(language);
  const navigation = useNavigation();
  const districts = useDistricts();
  const describe = useCallback((error: ApiError) => errorText({ t, language }, error), [t, language]);
  const failed = (error: ApiError | null) => (error ? describe(error) : null);
  const { view, update, summary } = page;
  const data = summary.data;
  const shareUrl = `${window.location.origin}${REVIEW_PATH}${page.search ? `?${page.search}` : ''}`;
  const loading = summary.loading || page.presets.loading;
  return (
    <div className="review-page" data-testid="review" data-loading={loading ? 'true' : 'false'}>
      <TopBar user={user} onLanguage={onLanguage} onLogout={onLogout} />
      <div className={`progress ${loading ? 'progress--on' : ''}`} role="progressbar" aria-hidden={!loading} aria-label={t('state.loading')} />
      <main className="review-view">
        <header className="review-head">
          <div className="review-head__title">
            {navigation && (
              <button type="button" className="button button--ghost" data-testid="review-back" onClick={() => navigation.open('dashboard')}>
                ← {t('review.back')}
              </button>
            )}
            <h1>{t('review.title')}</h1>
            <span className="synthetic-badge" data-testid="review-synthetic">{t('review.synthetic')}</span>
            {data && <span className="hint">{t('review.asOf', { time: data.asOf.slice(0, 16).replace('T', ' ') })}</span>}
          </div>
          <ReviewShare url={shareUrl} exportHref={page.exportHref} />
        </header>
        {(page.presets.error || summary.error) && (
          <p className="review-error" role="alert" data-testid="review-error">
            {failed(page.presets.error ?? summary.error)}
            <button type="button" className="button button--small" onClick={() => (page.presets.error ? page.presets.retry() : summary.retry())}>
              {t('state.retry')}
            </button>
          </p>
        )}
        <div className="review-controls panel">
          <ReviewPeriodControl
            presets={page.presets.data}
            period={view.period}
            compare={view.compare}
            preset={view.preset}
            onChange={(change) => update(change)}
          />
          <ReviewSlider
            steps={page.steps}
            period={view.period}
            index={page.stepIndex}
            step={view.step}
            playing={page.playing}
            onSlide={page.slideTo}
            onStep={(step) => update({ step })}
            onPlay={page.togglePlay}
          />
        </div>
        <div className="review-grid">
          <ReviewMaps
            mode={view.mode}
            onMode={(mode) => update({ mode })}
            period={view.period}
            compare={view.compare}
            districts={districts.data?.features ?? NO_DISTRICTS}
            selectedDistrict={page.ownDistrict}
            periodLayers={page.analysis.periodLayers}
            compareLayers={page.analysis.compareLayers}
            diffLayers={page.analysis.diffLayers}
            diff={page.analysis.diff}
            requests={page.maps.requests}
            initialView={page.maps.initialView}
            onViewChange={page.maps.onViewChange}
            loading={page.analysis.loading}
            error={failed(page.analysis.error)}
          />
          <div className="review-side">
            <ReviewKpis kpis={data?.kpis ?? null} compareKpis={data?.compareKpis ?? null} period={data?.period ?? view.period} compare={data ? data.compare : view.compare} loading={summary.loading} />
            <ReviewDrill
              breadcrumb={data?.breadcrumb ?? []}
              childLevel={data?.childLevel ?? null}
              children={data?.children ?? []}
              clues={data?.clues ?? []}
              hasCompare={data?.compare != null}
              loading={summary.loading}
              onOpen={(unit) => update({ level: unit.level, code: unit.code, map: null })}
            />
          </div>
        </div>
        <div className="review-lower">
          <ReviewTrend trend={page.trend.data} loading={page.trend.loading} error={failed(page.trend.error)} ofCell={page.trendIsCell} />
          <ReviewEmerging rows={page.emerging.rows} range={page.emerging.range} step={view.step} loading={page.emerging.loading} error={failed(page.emerging.error)} />
        </div>
        <ReviewRanking
          ranking={page.ranking.data}
          loading={page.ranking.loading}
          error={failed(page.ranking.error)}
          ownDistrict={page.ownDistrict}
          onSaveWeights={user.role === 'admin' ? page.saveWeights : undefined}
          describeError={describe}
        />
      </main>
    </div>
  );
}
