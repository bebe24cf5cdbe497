import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/index.js';

export interface ReviewShareProps {
  /** The address that restores the view (the page keeps it in the address bar). */
  url: string;
  /** The briefing of the view; null until a period is chosen. */
  exportHref: string | null;
}

type Copied = 'idle' | 'copied' | 'failed';

export function ReviewShare({ url, exportHref }: ReviewShareProps) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<Copied>('idle');
  useEffect(() => {
    if (copied === 'idle') return;
    const timer = setTimeout(() => setCopied('idle'), 4000);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = () => {
    // The clipboard is refused on an insecure origin or without permission: the link is then shown to copy by hand.
    const clipboard = navigator.clipboard as Clipboard | undefined;
    if (!clipboard) return setCopied('failed');
    clipboard.writeText(url).then(() => setCopied('copied'), () => setCopied('failed'));
  };
  return (
    <div className="review-share">
      <button type="button" className="button" data-testid="review-share" onClick={copy}>
        <svg className="topbar__stroke-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M6.5 9.5l3-3M7 4.5l1.5-1.5a2.5 2.5 0 0 1 3.5 3.5L10.5 8M9 11.5L7.5 13A2.5 2.5 0 0 1 4 9.5L5.5 8" />
        </svg>
        {t('review.share')}
      </button>
      <span className="review-share__status" role="status" aria-live="polite" data-testid="review-share-status">
        {copied === 'copied' ? t('review.shared') : copied === 'failed' ? t('review.shareFailed') : ''}
      </span>
      {copied === 'failed' && <input className="review-share__url" readOnly value={url} aria-label={t('review.share')} onFocus={(e) => e.target.select()} />}
      {exportHref ? (
        <a className="button button--accent" href={exportHref} download data-testid="review-export">
          {t('review.export')}
        </a>
      ) : (
        <span className="button button--accent" aria-disabled="true" data-testid="review-export">
          {t('review.export')}
        </span>
      )}
    </div>
  );
}
