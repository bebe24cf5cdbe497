import { useI18n } from '../i18n/index.js';
import { districtNameIn } from '../i18n/names.js';
import type { ScopeRedirect } from '../state/scope.js';

/** Says that a shared link led outside the account's district and where the map went instead; dismissable. */
export function ScopeNotice({ redirect, ownName, onDismiss }: { redirect: ScopeRedirect; ownName: string | null; onDismiss: () => void }) {
  const { t, language } = useI18n();
  const name = (code: string) => districtNameIn(code, language) ?? t('scope.unknownDistrict', { code });
  const own = districtNameIn(redirect.own, language) ?? ownName ?? name(redirect.own);
  return (
    <div className="scope-notice" role="status" data-testid="scope-notice">
      <span className="scope-notice__mark" aria-hidden="true">!</span>
      <p className="scope-notice__text">{t('scope.redirected', { requested: name(redirect.requested), own })}</p>
      <button type="button" className="button button--small" data-testid="scope-notice-dismiss" onClick={onDismiss}>
        {t('scope.dismiss')}
      </button>
    </div>
  );
}
