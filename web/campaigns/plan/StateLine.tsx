import type { Resource } from '../../api/use-resource.js';
import { errorMessage } from '../../api/errors.js';
import { useI18n } from '../../i18n/index.js';

/** Loading or failed, with 重试: what a resource without data shows. */
export function StateLine({ resource, testId }: { resource: Pick<Resource<unknown>, 'loading' | 'error' | 'retry'>; testId?: string }) {
  const { t } = useI18n();
  if (resource.error)
    return (
      <p className="state-line state-line--error" role="alert" data-testid={testId ? `${testId}-error` : undefined}>
        {t(errorMessage(resource.error).key)}{' '}
        <button type="button" className="button button--small" onClick={resource.retry}>
          {t('layers.retry')}
        </button>
      </p>
    );
  return (
    <p className="state-line" role="status" data-testid={testId ? `${testId}-loading` : undefined}>
      <span className="spinner" aria-hidden="true" /> {t('state.loading')}
    </p>
  );
}
