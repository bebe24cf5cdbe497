import { useEffect, useRef } from 'react';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { instantClock } from '../state/field.js';
import type { StoredQueueItem } from '../state/field-queue.js';

export interface PendingListProps {
  items: readonly StoredQueueItem[];
  onRetry: (seq: number) => Promise<void>;
  onDrop: (seq: number) => Promise<void>;
  onClose: () => void;
}

/**
 * 未同步: every write not on the server yet, in sending order. A refused one shows the server's message and asks the
 * officer what to do (重试 / 删除); nothing leaves the list unless it was stored or the officer dropped it.
 */
export function PendingList({ items, onRetry, onDrop, onClose }: PendingListProps) {
  const { t } = useI18n();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), []);
  return (
    <div className="phone-sheet" role="dialog" aria-modal="true" aria-labelledby="field-pending-title" data-testid="pending-list">
      <div className="phone-sheet__head">
        <h2 id="field-pending-title">{t('field.unsynced', { count: items.length })}</h2>
        <button ref={closeRef} type="button" className="phone-button phone-button--quiet" onClick={onClose} aria-label={t('field.close')}>
          ✕
        </button>
      </div>
      {items.length === 0 && <p>{t('field.allSynced')}</p>}
      <ol className="phone-plain">
        {items.map((item) => (
          <li key={item.seq} className={`phone-pending${item.state === 'failed' ? ' phone-pending--failed' : ''}`} data-testid="pending-item" data-kind={item.kind} data-state={item.state}>
            <div>
              <strong>{t(`field.kind.${item.kind}` as MessageKey)}</strong> · {item.label}
            </div>
            <div className="phone-muted phone-small">
              {instantClock(item.queuedAt)} · {item.state === 'failed' ? t('field.refused') : t('field.waiting')}
              {item.attempts > 0 && ` · ${t('field.attempts', { count: item.attempts })}`}
            </div>
            {item.error && (
              <p className={item.state === 'failed' ? 'phone-flag phone-flag--alert' : 'phone-muted phone-small'} data-testid="pending-error">
                {/* No answer at all: the browser's own words ("Failed to fetch") would tell the officer nothing. */}
                {item.error.status > 0 ? `HTTP ${item.error.status}: ${item.error.message}` : t('field.noAnswer')}
              </p>
            )}
            {item.state === 'failed' && (
              <div className="phone-actions">
                <button type="button" className="phone-button" onClick={() => void onRetry(item.seq)} data-testid="pending-retry">
                  {t('state.retry')}
                </button>
                <button type="button" className="phone-button phone-button--danger" onClick={() => window.confirm(t('field.dropConfirm')) && void onDrop(item.seq)} data-testid="pending-drop">
                  {t('field.drop')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
