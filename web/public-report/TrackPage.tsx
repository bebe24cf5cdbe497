import { useState, type FormEvent } from 'react';
import type { PublicClueView } from '../../server/contract/public-reports.js';
import { normaliseTrackingCode } from '../../server/domain/clue-privacy.js';
import { shanghaiIsoString } from '../../server/domain/time.js';
import { translateCode, useI18n } from '../i18n/index.js';
import { REPORT_PATH, trackPagePath } from '../navigation.js';

/** An instant as Shanghai wall-clock time, "2026-11-01 08:00". */
export const shanghaiMinute = (iso: string): string => shanghaiIsoString(new Date(iso)).slice(0, 16).replace('T', ' ');

/** The code-entry box: a code typed in any case, with or without dashes, opens its tracking page. */
export function TrackCodeBox({ initial = '' }: { initial?: string }) {
  const { t } = useI18n();
  const [text, setText] = useState(initial);
  const [invalid, setInvalid] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const code = normaliseTrackingCode(text);
    if (!code) {
      setInvalid(true);
      return;
    }
    window.location.assign(`${trackPagePath(code)}${window.location.search}`);
  };
  return (
    <form className="track-box" onSubmit={onSubmit} noValidate data-testid="track-box">
      <label className="report-form__field">
        <span>{t('publicTrack.enter')}</span>
        <input
          value={text}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          placeholder="7K2M-Q9XD-4T1B-H8VW"
          onChange={(e) => {
            setText(e.target.value);
            setInvalid(false);
          }}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={invalid ? 'track-code-error' : undefined}
          data-testid="track-code-input"
        />
      </label>
      <button type="submit" className="button button--accent">
        {t('publicTrack.search')}
      </button>
      {invalid && (
        <p className="report-form__error" role="alert" id="track-code-error">
          {t('publicTrack.invalid')}
        </p>
      )}
    </form>
  );
}

export interface TrackPageProps {
  code: string | null;
  clue: PublicClueView | null;
  loading: boolean;
  failed: boolean;
}

/** /track/<code>: the status, the steps as a timeline and the public answer; the code box when there is no code. */
export function TrackPage({ code, clue, loading, failed }: TrackPageProps) {
  const { t, language } = useI18n();
  if (code === null) return <TrackCodeBox />;
  if (loading && !clue) return <p className="state-line" role="status">{t('state.loading')}</p>;
  if (!clue)
    return (
      <>
        <p className="report-form__error" role="alert" data-testid="track-missing">
          {failed ? t('publicTrack.failed') : normaliseTrackingCode(code) ? t('publicTrack.notFound') : t('publicTrack.invalid')}
        </p>
        <TrackCodeBox initial={code} />
      </>
    );
  return (
    <article className="track" data-testid="track-view">
      <header className="track__head">
        <p className="track__code">
          {t('publicReport.done.code')} <strong>{clue.trackingCode}</strong>
        </p>
        <p className="track__status" data-testid="track-status">
          <span className="track__status-label">{t('publicTrack.status')}</span>
          <span className={`track__badge track__badge--${clue.status}`}>{clue.statusLabel[language]}</span>
        </p>
        {clue.synthetic && <p className="synthetic-badge">{t('publicTrack.synthetic')}</p>}
      </header>
      <dl className="track__facts">
        <dt>{t('publicTrack.category')}</dt>
        <dd>{translateCode(t, 'type', clue.category)}</dd>
        <dt>{t('publicTrack.district')}</dt>
        <dd>{clue.district[language]}</dd>
        <dt>{t('publicTrack.reportedAt')}</dt>
        <dd>{shanghaiMinute(clue.reportedAt)}</dd>
      </dl>
      <section aria-labelledby="track-steps">
        <h2 id="track-steps">{t('publicTrack.steps')}</h2>
        <ol className="timeline" data-testid="track-steps">
          {clue.steps.map((step, i) => (
            <li key={`${step.step}-${step.at}`} className={`timeline__step${i === clue.steps.length - 1 ? ' timeline__step--current' : ''}`}>
              <span className="timeline__label">{step.label[language]}</span>
              <time className="timeline__time" dateTime={step.at}>
                {shanghaiMinute(step.at)}
              </time>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="track-feedback">
        <h2 id="track-feedback">{t('publicTrack.feedback')}</h2>
        <p className={clue.publicFeedback ? 'track__feedback' : 'report-form__hint'} data-testid="track-feedback">
          {clue.publicFeedback ?? t('publicTrack.noFeedback')}
        </p>
      </section>
      <a className="button" href={`${REPORT_PATH}${window.location.search}`}>
        {t('publicTrack.newReport')}
      </a>
    </article>
  );
}
