import type { ReviewPeriod } from '../../server/contract/review.js';
import { useI18n } from '../i18n/index.js';
import type { ReviewStep } from '../state/review-url.js';

export interface ReviewSliderProps {
  steps: readonly ReviewPeriod[];
  /** The period shown: a preset longer than a step puts the knob on its first step, and the label says the whole. */
  period: ReviewPeriod | null;
  index: number;
  step: ReviewStep;
  playing: boolean;
  onSlide: (index: number) => void;
  onStep: (step: ReviewStep) => void;
  onPlay: () => void;
}

/** The last 24 months by month or week: the period becomes the step under the knob, the Gi* maps follow each move. */
export function ReviewSlider({ steps, period, index, step, playing, onSlide, onStep, onPlay }: ReviewSliderProps) {
  const { t } = useI18n();
  const current = period ?? steps[index];
  return (
    <section className="review-slider" aria-label={t('review.slider')}>
      <button type="button" className="button review-slider__play" data-testid="review-play" aria-pressed={playing} disabled={steps.length === 0} onClick={onPlay}>
        <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="review-slider__icon">
          {playing ? <path d="M4 3h3v10H4zM9 3h3v10H9z" /> : <path d="M4 2.5v11l9-5.5z" />}
        </svg>
        {playing ? t('review.pause') : t('review.play')}
      </button>
      <input
        type="range"
        className="review-slider__range"
        data-testid="review-slider"
        min={0}
        max={Math.max(0, steps.length - 1)}
        step={1}
        value={index}
        disabled={steps.length === 0}
        aria-label={t('review.slider')}
        aria-valuetext={current ? t('review.sliderValue', current) : undefined}
        onChange={(e) => onSlide(Number(e.target.value))}
      />
      <output className="review-slider__value" data-testid="review-slider-value">
        {current ? t('review.sliderValue', current) : '—'}
      </output>
      <div className="review-toggle" role="group" aria-label={t('review.step')}>
        {(['month', 'week'] as const).map((s) => (
          <button key={s} type="button" className={`chip${step === s ? ' chip--on' : ''}`} aria-pressed={step === s} data-testid={`review-step-${s}`} onClick={() => onStep(s)}>
            {t(`review.step.${s}`)}
          </button>
        ))}
      </div>
    </section>
  );
}
